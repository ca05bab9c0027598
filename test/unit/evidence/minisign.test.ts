import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultTrustedComment,
  formatKeyId,
  formatMinisignPublicKey,
  minisignSign,
  minisignVerify,
  parseMinisignPublicKey,
} from '../../../shared/evidence/minisign';
import { generateEd25519KeyPair } from '../../../shared/evidence/opensshKeys';
import { seedSigner } from '../../../shared/evidence/signer';
import { realFixture } from '../../fixtures/paths';
import { run, tempDir } from './tools';

const dir = tempDir('minisign-');
const key = generateEd25519KeyPair();
const signer = seedSigner(key.seed);
const msgFile = realFixture('meta_threat_research_Q4_2024_China_CIB_killchain.csv');
const message = readFileSync(msgFile);
const pubFile = path.join(dir, 'minisign.pub');
writeFileSync(pubFile, formatMinisignPublicKey(key.publicKey));

describe('minisign', () => {
  it('writes signatures the minisign tool accepts, with our trusted comment', async () => {
    const sig = await minisignSign(signer, message, defaultTrustedComment(1_700_000_000, 'killchain.csv'));
    const sigFile = path.join(dir, 'a.minisig');
    writeFileSync(sigFile, sig);
    const v = run('minisign', ['-Vm', msgFile, '-x', sigFile, '-p', pubFile]);
    expect(v.stderr + v.stdout).toContain('Signature and comment signature verified');
    expect(v.stdout).toContain('Trusted comment: timestamp:1700000000\tfile:killchain.csv\tprehashed');
    expect(v.code).toBe(0);
    expect(minisignVerify(sig, message, parseMinisignPublicKey(formatMinisignPublicKey(key.publicKey)))).toEqual({
      ok: true,
      trustedComment: 'timestamp:1700000000\tfile:killchain.csv\tprehashed',
    });
  });

  it('fails in minisign and in our verifier for an edited file or an edited trusted comment', async () => {
    const sig = await minisignSign(signer, message, 'case X');
    const edited = Uint8Array.from(message);
    edited[0] ^= 1;
    const editedFile = path.join(dir, 'edited.csv');
    writeFileSync(editedFile, edited);
    const sigFile = path.join(dir, 'edited.csv.minisig');
    writeFileSync(sigFile, sig);
    const v = run('minisign', ['-Vm', editedFile, '-x', sigFile, '-p', pubFile]);
    expect(v.code).not.toBe(0);
    expect(v.stderr).toContain('Signature verification failed');
    const pk = parseMinisignPublicKey(readFileSync(pubFile, 'utf8'));
    expect(minisignVerify(sig, edited, pk)).toEqual({ ok: false, reason: 'signature verification failed' });
    const forged = sig.replace('trusted comment: case X', 'trusted comment: case Y');
    expect(minisignVerify(forged, message, pk)).toEqual({ ok: false, reason: 'trusted comment signature verification failed' });
    writeFileSync(sigFile, forged);
    writeFileSync(editedFile, message);
    expect(run('minisign', ['-Vm', editedFile, '-x', sigFile, '-p', pubFile]).stderr).toContain('Comment signature verification failed');
  });

  it('verifies a signature made by the minisign tool itself (independent writer)', () => {
    const sk = path.join(dir, 'tool.key');
    const pk = path.join(dir, 'tool.pub');
    expect(run('minisign', ['-G', '-W', '-s', sk, '-p', pk]).code).toBe(0);
    expect(run('minisign', ['-S', '-s', sk, '-m', msgFile, '-x', path.join(dir, 'tool.minisig'), '-t', 'from the tool']).code).toBe(0);
    const verdict = minisignVerify(readFileSync(path.join(dir, 'tool.minisig'), 'utf8'), message, parseMinisignPublicKey(readFileSync(pk, 'utf8')));
    expect(verdict).toEqual({ ok: true, trustedComment: 'from the tool' });
    // Our key-id display matches the tool's public key comment.
    const pub = parseMinisignPublicKey(readFileSync(pk, 'utf8'));
    expect(readFileSync(pk, 'utf8')).toContain(formatMinisignPublicKey(pub.publicKey, pub.keyId).split('\n')[0]!);
  });

  it('prints key ids as the tool does, without leading zeros', () => {
    // Key id 05046836267D36B7 (little-endian bytes below); the minisign tool wrote its public key
    // comment as "minisign public key 5046836267D36B7" in a CI run.
    expect(formatKeyId(Uint8Array.from([0xb7, 0x36, 0x7d, 0x26, 0x36, 0x68, 0x04, 0x05]))).toBe('5046836267D36B7');
    expect(formatKeyId(new Uint8Array(8))).toBe('0');
  });
});
