import type { SourceFileRecord } from '../store/schema';
import { UNENDED_LAST_ROW_NOTE } from '../../../shared/domain/archive';
import { countOf, fileLabel, formatBytes, formatCount, formatSeconds } from './formatters';

/** One row per imported file: what went in, what came out, why anything was rejected. */
export function ReceiptTable({ files, label }: { files: SourceFileRecord[]; label: string }) {
  return (
    <div className="table-scroll">
      <table className="receipts" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
            <th scope="col">Format</th>
            <th scope="col">Read</th>
            <th scope="col">Stored</th>
            <th scope="col">Duplicate</th>
            <th scope="col">Rejected</th>
            <th scope="col">Duration</th>
            <th scope="col">App</th>
          </tr>
        </thead>
        <tbody>
          {files.map(({ receipt: r, sha256 }, i) => (
            <tr key={sha256}>
              <td dir="auto">
                {fileLabel(r)}
                {/* Every entry's receipt names the zip's other entries: said once, on its first row. */}
                {files.findIndex((f) => f.receipt.sha256 === r.sha256) === i && (
                  <>
                    {r.skippedEntries && <div className="muted">also in the zip, not imported: {r.skippedEntries.join(', ')}</div>}
                    {r.refusedEntries?.map((x) => (
                      <details key={x.entryName} className="error">
                        <summary>refused in the zip: <bdi>{x.entryName}</bdi></summary>
                        {x.message}
                      </details>
                    ))}
                  </>
                )}
              </td>
              <td>
                {/* The exact count beside the rounded one: a file that may be cut short is checked against the size published with it. */}
                {formatBytes(r.entrySize ?? r.size)}
                <div className="muted nowrap" data-testid="exact-size">{countOf(r.entrySize ?? r.size, 'byte')}</div>
                {r.entrySize !== undefined && (
                  <div className="muted">{r.entryName !== undefined ? 'zip' : 'gzip'} {formatBytes(r.size)}, <span className="nowrap">{countOf(r.size, 'byte')}</span></div>
                )}
              </td>
              <td>
                <code className="hash">{r.sha256}</code>
                {/* Rows cite the CSV entry's SHA-256 (their byte offsets index it), not the container's. */}
                {r.entrySha256 && <div className="muted">CSV entry: <code className="hash" data-testid="entry-sha256">{r.entrySha256}</code></div>}
              </td>
              <td>{r.format}{r.formatVersion ? ` ${r.formatVersion}` : ''}</td>
              <td>
                {formatCount(r.rowsRead)}
                {r.repeatedHeaderRows > 0 && <div className="muted">+ {countOf(r.repeatedHeaderRows, 'repeated header')}</div>}
                {(r.blankLines ?? 0) > 0 && <div className="muted">+ {countOf(r.blankLines!, 'blank line')}</div>}
                {r.unendedLastRow !== undefined && (
                  <div className="muted" data-testid="unended-last-row">
                    row {formatCount(r.unendedLastRow)} {UNENDED_LAST_ROW_NOTE}
                  </div>
                )}
              </td>
              <td>{formatCount(r.rowsStored)}</td>
              <td>{formatCount(r.rowsDuplicate)}</td>
              <td>
                {formatCount(r.rowsRejected)}
                {Object.entries(r.rejectedByReason).map(([reason, n]) => (
                  <div key={reason} className="muted">{reason}: {formatCount(n ?? 0)}</div>
                ))}
              </td>
              <td>{formatSeconds(r.durationMs / 1000)}</td>
              <td>{r.appVersion}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
