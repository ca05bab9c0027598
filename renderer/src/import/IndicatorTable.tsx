import { useEffect, useMemo, useState } from 'react';
import { db } from '../store/database';
import { readAggregates } from '../store/read/datasetReader';
import type { DatasetRecord, IndicatorRecord } from '../store/schema';
import { normalizeForSearch } from '../search/searchQuery';
import { readIndicators } from './datasetDetails';
import { formatCount } from './formatters';
import { indicatorDomain, tweetsLinkingTo } from './indicatorLinks';

const SHOWN = 100;

/**
 * The dataset's indicators (Meta threat-research files), searchable: as published (defanged), the
 * refanged URL or domain, and how many of the dataset's tweets link to that domain.
 */
export function IndicatorTable({ dataset }: { dataset: DatasetRecord }) {
  const [rows, setRows] = useState<{ indicator: IndicatorRecord; text: string; linking: number }[]>([]);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void Promise.all([readIndicators(db, dataset), readAggregates(db, dataset.id)]).then(([indicators, aggregates]) =>
      setRows(
        indicators.map((r) => ({
          indicator: r,
          text: normalizeForSearch([r.type, r.value, r.refanged, r.comment, ...Object.values(r.extra)].join('\n')),
          linking: tweetsLinkingTo(indicatorDomain(r.refanged), aggregates?.urlDomains ?? {}),
        })),
      ),
    );
  }, [dataset]);
  const matches = useMemo(() => {
    const terms = normalizeForSearch(query).split(/\s+/).filter(Boolean);
    return rows.filter((r) => terms.every((t) => r.text.includes(t)));
  }, [rows, query]);
  const captionId = `indicators-caption-${dataset.id}`;
  return (
    <div className="indicators">
      <label>
        Search indicators <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="domain, type, comment…" />
      </label>
      <table aria-labelledby={captionId}>
        <caption id={captionId}>
          Indicators of {dataset.name}: {formatCount(matches.length)} of {formatCount(rows.length)} match
          {matches.length > SHOWN ? ` (first ${SHOWN} shown)` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Indicator as published</th>
            <th scope="col">Refanged</th>
            <th scope="col">Comment</th>
            <th scope="col">Tweets linking to its domain</th>
          </tr>
        </thead>
        <tbody>
          {matches.slice(0, SHOWN).map(({ indicator: r, linking }) => (
            <tr key={r.id}>
              <td dir="auto">{r.type}</td>
              <td dir="auto"><code>{r.value}</code></td>
              <td><code>{r.refanged}</code></td>
              <td dir="auto">{r.comment}</td>
              <td data-linking>{r.refanged ? formatCount(linking) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
