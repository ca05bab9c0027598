/**
 * Hash-chained custody log. Each entry's `hash` is SHA-256 (hex) of the canonical JSON (sorted keys,
 * see canonicalJson.ts) of the entry without `hash`; `prev` is the previous entry's hash, 64 zeros
 * for the first entry. `seq` starts at 1 and increases by one. Serialised as JSONL.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8 } from './bytes';
import { canonicalJson, type JsonValue } from './canonicalJson';

export const CUSTODY_ACTIONS = [
  'import',
  'pin',
  'unpin',
  'note',
  'tags',
  'case-notes',
  'export',
  'key-created',
  'key-rotated',
  'case-created',
  'case-renamed',
  'case-archived',
  'dataset-deleted',
  'export-refused',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/**
 * Each action in the words people read for it (the case page's custody table and the report); the
 * log and the bundle's custody.jsonl record the id ('case-notes'), which the page keeps as the title.
 */
export const CUSTODY_ACTION_LABELS = {
  import: 'Dataset files recorded', // when an item of the dataset was added; each file's own import time is in the detail
  pin: 'Item pinned',
  unpin: 'Item unpinned',
  note: 'Item note set',
  tags: 'Item tags set',
  'case-notes': 'Case notes set',
  export: 'Bundle exported',
  'key-created': 'Signing key created',
  'key-rotated': 'Signing key rotated',
  'case-created': 'Case created',
  'case-renamed': 'Case renamed',
  'case-archived': 'Case archived',
  'dataset-deleted': 'Dataset deleted',
  'export-refused': 'Export refused',
} as const satisfies Record<CustodyAction, string>;

/** An action in words; one this version does not know (a newer log's) as it is recorded. */
export function custodyActionLabel(action: string): string {
  return Object.hasOwn(CUSTODY_ACTION_LABELS, action) ? CUSTODY_ACTION_LABELS[action as CustodyAction] : action;
}

export const GENESIS_PREV = '0'.repeat(64);

export interface CustodyEntry {
  seq: number;
  /** ISO 8601 UTC, e.g. 2026-11-28T17:00:00.000Z */
  at: string;
  actor: string;
  action: CustodyAction;
  detail: JsonValue;
  prev: string;
  hash: string;
}

export type CustodyVerdict = { ok: true; entries: number; head: string } | { ok: false; brokenAt: number; reason: string };

export function custodyEntryHash(entry: Omit<CustodyEntry, 'hash'>): string {
  const { seq, at, actor, action, detail, prev } = entry;
  return bytesToHex(sha256(utf8(canonicalJson({ seq, at, actor, action, detail, prev }))));
}

/** Returns a new log with one more entry (logs are values: callers persist them). */
export function appendCustody(
  log: readonly CustodyEntry[],
  e: { at: Date | string; actor: string; action: CustodyAction; detail: JsonValue },
): CustodyEntry[] {
  if (!CUSTODY_ACTIONS.includes(e.action)) throw new Error(`unknown custody action '${e.action}'`);
  const last = log[log.length - 1];
  const body = {
    seq: last ? last.seq + 1 : 1,
    at: typeof e.at === 'string' ? e.at : e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    detail: e.detail,
    prev: last ? last.hash : GENESIS_PREV,
  };
  return [...log, { ...body, hash: custodyEntryHash(body) }];
}

export function serializeCustody(log: readonly CustodyEntry[]): string {
  return log.map((e) => `${canonicalJson(e)}\n`).join('');
}

export function verifyCustody(log: readonly CustodyEntry[]): CustodyVerdict {
  let prev = GENESIS_PREV;
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    const expectedSeq = i + 1;
    if (e.seq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, reason: `entry ${i + 1} has seq ${e.seq}, expected ${expectedSeq}` };
    if (!CUSTODY_ACTIONS.includes(e.action)) return { ok: false, brokenAt: e.seq, reason: `unknown action '${e.action}'` };
    if (typeof e.at !== 'string' || Number.isNaN(Date.parse(e.at))) return { ok: false, brokenAt: e.seq, reason: `invalid time '${String(e.at)}'` };
    if (e.prev !== prev) return { ok: false, brokenAt: e.seq, reason: `prev is ${e.prev}, expected ${prev} (hash of entry ${e.seq - 1})` };
    let actual: string;
    try {
      actual = custodyEntryHash(e);
    } catch (err) {
      return { ok: false, brokenAt: e.seq, reason: (err as Error).message };
    }
    if (e.hash !== actual) return { ok: false, brokenAt: e.seq, reason: `hash is ${e.hash}, recomputed ${actual}` };
    prev = e.hash;
  }
  return { ok: true, entries: log.length, head: prev };
}

/** Parses JSONL and verifies; a malformed line breaks the chain at that line's position. */
export function parseAndVerifyCustody(jsonl: string): CustodyVerdict & { log?: CustodyEntry[] } {
  const log: CustodyEntry[] = [];
  const lines = jsonl.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    try {
      const v = JSON.parse(lines[i]!) as CustodyEntry;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
      log.push(v);
    } catch (err) {
      return { ok: false, brokenAt: i + 1, reason: `line ${i + 1} is not a JSON object: ${(err as Error).message}` };
    }
  }
  const verdict = verifyCustody(log);
  return verdict.ok ? { ...verdict, log } : verdict;
}
