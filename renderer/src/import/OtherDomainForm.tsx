import { otherDomainForm } from '../../../shared/domain/domainKey';
import { mayPassForAnother } from '../../../shared/domain/lookalikeNames';

/**
 * Under a domain shown as published, its other form when it is internationalised: the Punycode of
 * `مثال.شبكة`, the Unicode of `xn--mgbh0fb.xn--ngbc5azd`, which are counted and matched as one.
 * A line of text, not a tooltip, so everyone reads it. A Unicode form with a label that mixes Latin
 * with Cyrillic or Greek letters, or holds an invisible character (`xn--pple-43d.com` is `аpple.com`,
 * its а Cyrillic), is said to be able to pass for another name, as browsers show such names in Punycode.
 */
export function OtherDomainForm({ domain }: { domain: string }) {
  const other = otherDomainForm(domain);
  if (!other) return null;
  const unicode = /^[\u0000-\u007f]*$/.test(domain) ? other : domain;
  const lookalike = unicode.split('.').some(mayPassForAnother);
  return (
    // dir="ltr": in a right-to-left cell (the Unicode form of an Arabic name) the line still reads "also written …".
    <div className="muted" dir="ltr" data-testid="other-domain-form">
      also written <bdi><code>{other}</code></bdi>
      {lookalike && <> · <strong>may pass for another name</strong>: a label of <bdi><code>{unicode}</code></bdi> mixes Latin with Cyrillic or Greek letters or holds an invisible character</>}
    </div>
  );
}
