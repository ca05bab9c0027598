import { blake2b } from '@noble/hashes/blake2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes } from '../../../shared/evidence/bytes';
import { defaultTrustedComment } from '../../../shared/evidence/minisign';
import { whySigningRefused } from '../../../shared/evidence/signingPolicy';
import { EVIDENCE_NAMESPACE, signedData } from '../../../shared/evidence/sshsig';

const enc = new TextEncoder();
const tagManifest = enc.encode(`${bytesToHex(sha512(enc.encode('a')))}  bag-info.txt\n${bytesToHex(sha512(enc.encode('b')))}  metadata/items.jsonl\n`);

describe('what the analyst key signs through the host API', () => {
  it('signs the messages of an evidence bundle: SSHSIG in the evidence namespace, minisign over a tag manifest', () => {
    expect(whySigningRefused(signedData(EVIDENCE_NAMESPACE, sha512(tagManifest)))).toBeUndefined();
    const digest = blake2b(tagManifest, { dkLen: 64 });
    expect(whySigningRefused(digest, tagManifest)).toBeUndefined();
    const trusted = `${defaultTrustedComment(1_800_000_000, 'bag_1/tagmanifest-sha512.txt')}\tbundle:${'ab'.repeat(32)}`;
    expect(whySigningRefused(concatBytes(new Uint8Array(64).fill(7), enc.encode(trusted)))).toBeUndefined();
  });

  it('refuses anything else: another namespace (git, file), a digest of other bytes, arbitrary bytes', () => {
    expect(whySigningRefused(signedData('git', sha512(tagManifest)))).toMatch(/signs only evidence/);
    expect(whySigningRefused(signedData('file', sha512(tagManifest)))).toMatch(/signs only evidence/);
    const other = enc.encode('#!/bin/sh\nrm -rf ~\n');
    expect(whySigningRefused(blake2b(other, { dkLen: 64 }), other)).toBe('minisign signs only a BagIt tag manifest');
    expect(whySigningRefused(blake2b(other, { dkLen: 64 }), tagManifest)).toMatch(/not the BLAKE2b-512/);
    expect(whySigningRefused(blake2b(other, { dkLen: 64 }))).toMatch(/signs only evidence/);
    expect(whySigningRefused(enc.encode('SSH-2.0 userauth request'))).toMatch(/signs only evidence/);
    expect(whySigningRefused(concatBytes(new Uint8Array(64), enc.encode('timestamp:1\tfile:x.txt\tprehashed')))).toMatch(/signs only evidence/);
  });
});
