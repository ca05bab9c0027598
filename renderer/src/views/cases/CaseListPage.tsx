import { useState, type FormEvent } from 'react';
import { hrefFor } from '../../app/routes';
import { createCase, listCases } from '../../cases/caseStore';
import { db } from '../../store/database';
import { listUnattachedPins } from '../../pins/pinApi';
import { KeyPanel } from './KeyPanel';
import { actorOf } from '../../cases/actor';
import { useKeyStatus, useLive } from './useCaseData';
import { storageFailureMessage } from '../../store/diskGuard';
import { utcInstantMinuteText } from '../../../../shared/report/reportTimes';

export function CaseListPage() {
  const key = useKeyStatus();
  const [cases] = useLive(async () => {
    const all = await listCases(db);
    const counts = await Promise.all(all.map((c) => db.pins.where('caseId').equals(c.id).count()));
    return all.map((c, i) => ({ ...c, items: counts[i]! }));
  }, []);
  const [loose] = useLive(async () => (await listUnattachedPins(db)).length, []);
  const [name, setName] = useState('');
  const [error, setError] = useState('');

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const c = await createCase(db, name, actorOf(key));
      setName('');
      location.hash = hrefFor('cases', c.id);
    } catch (err) {
      setError(storageFailureMessage(err, 'creating the case'));
    }
  };

  return (
    <section aria-labelledby="view-title" className="cases">
      <h1 id="view-title">Cases</h1>
      <p>
        A case gathers pinned evidence, keeps a hash-chained custody log of every action, and exports a signed evidence bundle.{' '}
        <a href={hrefFor('cases', 'verify')}>Verify a bundle</a>
      </p>
      <form className="inline-form" onSubmit={(e) => void create(e)}>
        <label htmlFor="new-case-name">Case name</label>
        <input id="new-case-name" value={name} onChange={(e) => setName(e.target.value)} required dir="auto" />
        <button type="submit" className="primary">Create case</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {cases && cases.length === 0 && <p className="muted">No cases yet.</p>}
      {loose !== undefined && loose > 0 && (
        <p data-testid="loose-pins">
          {loose === 1 ? '1 pinned item waits' : `${loose.toLocaleString('en-US')} pinned items wait`} for a case: open a case{cases?.length ? '' : ' (create one above)'} to add {loose === 1 ? 'it' : 'them'}.
        </p>
      )}
      {cases && cases.length > 0 && (
        <table aria-label="Cases">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Created</th>
              <th scope="col">By</th>
              <th scope="col">Items</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={hrefFor('cases', c.id)} dir="auto">{c.name}</a>
                </td>
                <td>{utcInstantMinuteText(c.createdAt)}</td>
                <td>{c.createdBy}</td>
                <td>{c.items}</td>
                <td>{c.archived ? 'archived' : 'open'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <KeyPanel />
    </section>
  );
}
