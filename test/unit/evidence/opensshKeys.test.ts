import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedSignersLine,
  fingerprintLine,
  fingerprintSha256,
  formatPublicKeyLine,
  parseAllowedSigners,
  parseOpenSshPrivateKey,
  parsePublicKeyLine,
} from '../../../shared/evidence/opensshKeys';
import { EVIDENCE_NAMESPACE } from '../../../shared/evidence/sshsig';
import { run, sshKeygen, tempDir } from './tools';

const dir = tempDir('openssh-keys-');

describe('OpenSSH Ed25519 keys against ssh-keygen', () => {
  it('imports a key made by ssh-keygen -N "" and reproduces its public line and fingerprint', () => {
    const keyFile = sshKeygen(dir, 'id_a', 'analyst@example.org');
    const key = parseOpenSshPrivateKey(readFileSync(keyFile, 'utf8'));
    const pubText = readFileSync(`${keyFile}.pub`, 'utf8').trim();
    expect(formatPublicKeyLine(key.publicKey, key.comment)).toBe(pubText);
    expect(parsePublicKeyLine(pubText).comment).toBe('analyst@example.org');
    const lf = run('ssh-keygen', ['-lf', `${keyFile}.pub`]);
    expect(lf.code).toBe(0);
    expect(fingerprintLine(key.publicKey, key.comment)).toBe(lf.stdout.trim());
    expect(lf.stdout).toContain(fingerprintSha256(key.publicKey));
  });

  it('refuses a passphrase-protected key with a clear message', () => {
    const keyFile = sshKeygen(dir, 'id_enc', 'enc@example.org', 'correct horse');
    expect(() => parseOpenSshPrivateKey(readFileSync(keyFile, 'utf8'))).toThrow(/passphrase-protected \(cipher aes256-ctr, kdf bcrypt\)/);
  });

  it('rejects non-Ed25519 keys and garbage', () => {
    const rsa = path.join(dir, 'id_rsa');
    expect(run('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', '', '-f', rsa]).code).toBe(0);
    expect(() => parseOpenSshPrivateKey(readFileSync(rsa, 'utf8'))).toThrow(/unsupported key type 'ecdsa-sha2-nistp256'/);
    expect(() => parsePublicKeyLine(readFileSync(`${rsa}.pub`, 'utf8'))).toThrow(/only ssh-ed25519/);
    expect(() => parseOpenSshPrivateKey('hello')).toThrow(/not an OpenSSH private key/);
  });

  it('writes allowed_signers lines that ssh-keygen -Y find-principals reads', () => {
    const keyFile = sshKeygen(dir, 'id_c', 'c');
    const key = parseOpenSshPrivateKey(readFileSync(keyFile, 'utf8'));
    const line = allowedSignersLine('analyst@example.org', key.publicKey, EVIDENCE_NAMESPACE);
    expect(line).toBe(`analyst@example.org namespaces="${EVIDENCE_NAMESPACE}" ${formatPublicKeyLine(key.publicKey)}`);
    const parsed = parseAllowedSigners(line);
    expect(parsed[0]!.principals).toEqual(['analyst@example.org']);
    expect(Buffer.from(parsed[0]!.publicKey).equals(Buffer.from(key.publicKey))).toBe(true);
    const allowed = path.join(dir, 'allowed_c');
    writeFileSync(allowed, `${line}\n`);
    const sig = run('ssh-keygen', ['-Y', 'sign', '-q', '-n', EVIDENCE_NAMESPACE, '-f', keyFile], { input: 'msg' });
    writeFileSync(path.join(dir, 'c.sig'), sig.stdout);
    const found = run('ssh-keygen', ['-Y', 'find-principals', '-f', allowed, '-s', path.join(dir, 'c.sig')]);
    expect(found.stdout.trim()).toBe('analyst@example.org');
    expect(() => allowedSignersLine('bad name', key.publicKey, EVIDENCE_NAMESPACE)).toThrow(/invalid principal/);
  });
});
