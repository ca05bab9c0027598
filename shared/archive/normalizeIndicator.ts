import type { Indicator } from '../domain/indicator';
import type { Provenance } from '../domain/provenance';

/**
 * Meta threat-research files. Indicators are kept as published (defanged); `refanged` is the form
 * to match against tweet URLs, '' when the value is not a URL or domain (e.g. "954 Facebook Pages").
 * Domain labels may be internationalised (`مثال.شبكة`, as published; not converted to Punycode here:
 * domainKey compares the two forms where domains are matched or counted).
 */
const URL_OR_DOMAIN = /^([a-z][a-z0-9+.-]*:\/\/)?([\p{L}\p{M}\p{N}-]+\.)+\p{L}[\p{L}\p{M}\p{N}-]{1,62}(:[0-9]+)?([/?#]\S*)?$/iu;

export function refang(value: string): string {
  // The first word: a published indicator may carry a remark after it (`https://x[.]com/a [comment]`).
  const v = (value.trim().split(/\s+/)[0] ?? '')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]/gi, '.')
    .replace(/\[:\]/g, ':')
    .replace(/^hxxp/i, 'http')
    .replace(/^fxp/i, 'ftp');
  return URL_OR_DOMAIN.test(v) ? v : '';
}

/** `indicator_type,indicator_value,comment,ds` and kill-chain `Tactic,Technique,Procedure,Indicator[,Note]`. */
export function indicatorNormalizer(columns: string[], killChain: boolean): (fields: string[], provenance: Provenance) => Indicator {
  const typeCol = columns.indexOf(killChain ? 'Tactic' : 'indicator_type');
  const valueCol = columns.indexOf(killChain ? 'Indicator' : 'indicator_value');
  const commentCol = killChain ? columns.indexOf('Note') : columns.indexOf('comment');
  const extraCols = columns.map((_, i) => i).filter((i) => i !== typeCol && i !== valueCol && i !== commentCol);
  return (f, provenance) => {
    const extra: Record<string, string> = {};
    for (const i of extraCols) extra[columns[i]] = f[i];
    return {
      type: f[typeCol],
      value: f[valueCol],
      refanged: refang(f[valueCol]),
      comment: commentCol >= 0 ? f[commentCol] : '',
      extra,
      provenance,
    };
  };
}
