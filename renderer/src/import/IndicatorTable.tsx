import { useEffect, useState } from 'react';
import { db } from '../store/database';
import { readUrlDomainCounts } from '../store/read/datasetReader';
import type { DatasetRecord, IndicatorRecord } from '../store/schema';
import { readCommittedRows } from '../store/read/committedRecords';
import { formatCount } from './formatters';
import { domainKeyCounts, indicatorDomain, linksTo } from './indicatorLinks';
import { OtherDomainForm } from './OtherDomainForm';
import { otherDomainForm } from '../../../shared/domain/domainKey';
import { SearchableRecords } from './SearchableRecords';
import { searchText } from './searchRows';
import { isolateLabel } from '../../../shared/domain/bidiIsolate';

/**
 * The dataset's indicators (Meta threat-research files), searchable: as published (defanged), the
 * refanged URL or domain (and its domain's other form, Unicode or Punycode, which search also finds),
 * and how many of the dataset's tweets link to that domain, in either form.
 */
export function IndicatorTable({ dataset }: { dataset: DatasetRecord }) {
  const [rows, setRows] = useState<{ indicator: IndicatorRecord; domain: string; text: string; linking: number }[]>([]);
  useEffect(() => {
    void Promise.all([readCommittedRows(db.indicators, dataset), readUrlDomainCounts(db, dataset.id)]).then(([indicators, urlDomains]) => {
      const byKey = domainKeyCounts(urlDomains);
      setRows(
        indicators.map((r) => {
          const domain = indicatorDomain(r.refanged);
          return {
            indicator: r,
            domain,
            text: searchText([r.type, r.value, r.refanged, otherDomainForm(domain) ?? '', r.comment, ...Object.values(r.extra)]),
            linking: linksTo(domain, byKey),
          };
        }),
      );
    });
  }, [dataset]);
  return (
    <SearchableRecords
      id={`indicators-${dataset.id}`}
      title={`Indicators of ${isolateLabel(dataset.name)}`}
      searchLabel="Search indicators"
      placeholder="domain, type, comment…"
      columns={['Type', 'Indicator as published', 'Refanged', 'Comment and other columns', 'Links to its domain (URLs in tweets)']}
      rows={rows}
      renderRow={({ indicator: r, domain, linking }) => (
        <tr key={r.id}>
          <td dir="auto">{r.type}</td>
          <td dir="auto"><code>{r.value}</code></td>
          <td><code>{r.refanged}</code><OtherDomainForm domain={domain} /></td>
          <td dir="auto">
            {r.comment}
            {/* The file's other columns (kill-chain Technique and Procedure, ds): shown, since search matches them. */}
            {Object.entries(r.extra).filter(([, v]) => v).map(([k, v]) => (
              <div key={k} className="muted"><bdi>{k}</bdi>: <bdi>{v}</bdi></div>
            ))}
          </td>
          <td data-linking>{r.refanged ? formatCount(linking) : ''}</td>
        </tr>
      )}
    />
  );
}
