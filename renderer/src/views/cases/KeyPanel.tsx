import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { recordKeyChange } from '../../cases/caseStore';
import { host } from '../../host/host';
import { db } from '../../store/database';
import { announceKeysChanged, useKeyStatus } from './useCaseData';
import { focusIfLost, focusInView } from '../../app/focusIfLost';
import { storageFailureMessage } from '../../store/diskGuard';

const announce = () => announceKeysChanged();

/** The analyst's signing key: create, import, rotate; shows the fingerprint as ssh-keygen -lf prints it. */
export function KeyPanel() {
  const status = useKeyStatus();
  const id = useId();
  const [principal, setPrincipal] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [privateKey, setPrivateKey] = useState('');
  const [current, setCurrent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const section = useRef<HTMLElement>(null);
  // The result takes focus when the work started in this panel: Enter in a passphrase field leaves
  // focus in a form that the new key's status then removes (focus would fall to the page's body).
  const focusResult = useCallback((el: HTMLElement | null) => {
    if (section.current?.contains(document.activeElement)) focusInView(el);
    else focusIfLost(el);
  }, []);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError('');
    setMessage('');
    try {
      await what();
      announce();
    } catch (e) {
      setError(storageFailureMessage(e, 'the key change'));
    } finally {
      setBusy(false);
    }
  };
  const needsPass = status?.needsPassphrase ?? true;
  const checkPass = () => {
    if (needsPass && passphrase.length < 8) throw new Error('choose a passphrase of at least 8 characters');
    if (passphrase !== confirm) throw new Error('the two passphrases differ');
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      checkPass();
      const s = await host['keys:create']({ principal: principal.trim(), ...(passphrase ? { passphrase } : {}) });
      await recordKeyChange(db, 'key-created', s.principal!, { fingerprint: s.fingerprint, publicKey: s.publicKey });
      setPassphrase('');
      setConfirm('');
      setMessage(`Key created: ${s.fingerprintLine}`);
    });
  };
  const importKey = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      checkPass();
      const s = await host['keys:import']({ privateKey, ...(principal.trim() ? { principal: principal.trim() } : {}), ...(passphrase ? { passphrase } : {}) });
      await recordKeyChange(db, 'key-created', s.principal!, { fingerprint: s.fingerprint, publicKey: s.publicKey, imported: true });
      setPrivateKey('');
      setPassphrase('');
      setConfirm('');
      setMessage(`Key imported: ${s.fingerprintLine}`);
    });
  };
  const rotate = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      checkPass();
      const before = status?.fingerprint ?? null;
      const s = await host['keys:rotate']({ ...(passphrase ? { passphrase } : {}), ...(current ? { currentPassphrase: current } : {}) });
      await recordKeyChange(db, 'key-rotated', s.principal!, { from: before, to: s.fingerprint, publicKey: s.publicKey });
      setPassphrase('');
      setConfirm('');
      setCurrent('');
      setMessage(`Key rotated: ${s.fingerprintLine}`);
    });
  };

  if (!status) return null;
  // One set per form: ids must stay unique while both the create and import forms are in the page.
  const passFields = (form: string) => (
    <>
      <label htmlFor={`${id}-${form}-pass`}>{status.exists ? 'New passphrase' : 'Passphrase'}</label>
      <input id={`${id}-${form}-pass`} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} required={needsPass} />
      <label htmlFor={`${id}-${form}-confirm`}>Repeat passphrase</label>
      <input id={`${id}-${form}-confirm`} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required={needsPass} />
    </>
  );
  return (
    <section className="panel" aria-labelledby={`${id}-h`} ref={section}>
      <h2 id={`${id}-h`}>Analyst signing key</h2>
      {status.exists ? (
        <>
          <p>
            Fingerprint (as <code>ssh-keygen -lf</code> prints it): <code data-testid="key-fingerprint">{status.fingerprintLine}</code>
          </p>
          <p className="muted">
            Send this fingerprint to recipients by a separate channel. The private key is sealed ({status.backend === 'passphrase' ? 'with your passphrase' : `safeStorage: ${status.backend}`}) and never shown.
          </p>
          <details>
            <summary>Public key</summary>
            <pre className="wrap" dir="ltr">{status.publicKey}</pre>
          </details>
          <details>
            <summary>Rotate key</summary>
            <form className="form-grid" onSubmit={rotate}>
              {needsPass && (
                <>
                  <label htmlFor={`${id}-cur`}>Current passphrase</label>
                  <input id={`${id}-cur`} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
                </>
              )}
              {passFields('rotate')}
              <button type="submit" disabled={busy}>Rotate key</button>
            </form>
          </details>
        </>
      ) : (
        <>
          <p>No signing key yet. Bundles are signed with one Ed25519 key per analyst.</p>
          <form className="form-grid" onSubmit={create} aria-label="Create key">
            <label htmlFor={`${id}-principal`}>Principal (e-mail-like name)</label>
            <input id={`${id}-principal`} value={principal} onChange={(e) => setPrincipal(e.target.value)} placeholder="analyst@example.org" required />
            {passFields('create')}
            <button type="submit" className="primary" disabled={busy}>Create key</button>
          </form>
          <details>
            <summary>Import an existing OpenSSH Ed25519 key</summary>
            <form className="form-grid" onSubmit={importKey} aria-label="Import key">
              <label htmlFor={`${id}-pk`}>Private key (unencrypted OpenSSH format)</label>
              <textarea id={`${id}-pk`} rows={6} value={privateKey} onChange={(e) => setPrivateKey(e.target.value)} required spellCheck={false} />
              <label htmlFor={`${id}-principal2`}>Principal (empty: the key's comment)</label>
              <input id={`${id}-principal2`} value={principal} onChange={(e) => setPrincipal(e.target.value)} />
              {passFields('import')}
              <button type="submit" disabled={busy}>Import key</button>
            </form>
          </details>
        </>
      )}
      {busy && <p role="status">Working… (sealing the key takes a moment)</p>}
      {message && <p role="status" className="ok" tabIndex={-1} ref={focusResult}>{message}</p>}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
