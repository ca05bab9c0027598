/**
 * The case-specific contents of an evidence bundle: source excerpts (exact cited bytes), derived
 * files, items.jsonl records and analysis.json. Pure (no store, no DOM): given the case, its items
 * and the re-scanned sources it returns what shared/evidence/bundleWriter.ts takes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { importFacts } from './importFacts';
import type { ArchiveFormat, ImportReceipt } from '../../../shared/domain/archive';
import { bytesToHex, fromBase64, utf8 } from '../../../shared/evidence/bytes';
import type { PayloadFile } from '../../../shared/evidence/bundleWriter';
import type { JsonValue } from '../../../shared/evidence/canonicalJson';
import type { Provenance } from '../../../shared/domain/provenance';
import type { PinRecord } from '../pins/pinTypes';
import type { CaseRecord } from './caseTypes';
import { rangeKey } from './sourceExcerpts';
import { graphemePrefix, nameCharacters } from '../../../shared/domain/fileNames';

/** What the store knows of a cited source file (SourceFileRecord), keyed by its SHA-256. */
export interface SourceInfo {
  sha256: string;
  fileName: string;
  entryName?: string;
  size: number;
  format: string;
  importedAt: string;
  /** Data rows the file holds, as its import receipt counted them. */
  rowsRead?: number;
  /** The whole import receipt (counts, container, entries skipped or refused): into analysis.json. */
  receipt?: ImportReceipt;
}

export interface CaseBundleContent {
  payload: PayloadFile[];
  items: JsonValue[];
  analysis: JsonValue;
}

const METHOD: Record<PinRecord['kind'], string> = {
  account: 'account record pinned from the Explore view; excerpt = its archived row',
  tweet: 'post pinned from the Explore view; excerpt = its archived row',
  search: 'full-text search result set pinned with its query and filters',
  chart: 'chart pinned with its data, filters and caption',
  network: 'network view pinned with its parameters and filters',
  'coordination-edge': 'coordination edge pinned with its detection parameters; excerpts = the rows of the co-actions it rests on',
  'interaction-edge': 'retweet, mention, reply, quote, co-hashtag or co-URL edge pinned from the Network view with its parameters; excerpts = the rows of the tweets it lists',
};

/** Findings pinned as an account item (payload.finding) say what they are, not 'account record'. */
const FINDING_METHOD: Record<string, string> = {
  'hashed-mention-pairing': "finding pinned from an account page: a hashed @mention paired with a numeric user id; excerpts = the tweet rows it rests on",
};

function methodOf(item: PinRecord): string {
  const finding = (item.payload as { finding?: unknown } | null)?.finding;
  return (typeof finding === 'string' && FINDING_METHOD[finding]) || METHOD[item.kind] || item.kind;
}

/**
 * A source's name as a folder name of the bag (bagPaths.ts rules): nameCharacters (letters, digits,
 * their combining marks, a Persian or Indic word's joiners kept; any other run one '-'); no leading
 * '-' or '.', no trailing '.' (Windows drops it) nor joiner; at most 80 UTF-16 units, cut between
 * characters, never between a letter and its marks. The verifier checks these names by the bagPaths.ts
 * rules only (NFC, no control character, '%', '\\', leading '-'), which both joiners pass, and reads the
 * folders from the signed manifests, never naming them again.
 * (The bag's own folder, bagName(), keeps its older alphabet: bundles already sent are named by it.)
 */
function safeSegment(s: string): string {
  const out = graphemePrefix(nameCharacters(s, '-').replace(/^[-.]+/, ''), (prefix) => prefix.length <= 80);
  // A joiner goes with the letter before it (one grapheme): one left at the cut joins nothing.
  return out.replace(/[.\u200c\u200d]+$/, '') || 'source';
}

export function sourceFolder(info: Pick<SourceInfo, 'sha256' | 'fileName' | 'entryName'>): string {
  const name = info.entryName ? `${info.fileName}-${info.entryName}` : info.fileName;
  return `source/${info.sha256.slice(0, 12)}_${safeSegment(name)}`;
}

export const excerptPath = (info: SourceInfo, p: Provenance): string =>
  `${sourceFolder(info)}/row-${p.row}_bytes-${p.byteOffset}-${p.byteLength}.csv`;

/** The source's header row beside its excerpts (they are bare rows: it names their columns), as its exact first bytes. */
export const headerPath = (info: SourceInfo, length: number): string => `${sourceFolder(info)}/header_bytes-0-${length}.csv`;

function headerFile(info: SourceInfo, firstLine: Uint8Array | undefined): { path: string; bytes: Uint8Array } | null {
  if (!firstLine || info.format === HEADERLESS) return null;
  return { path: headerPath(info, firstLine.length), bytes: firstLine };
}

/** The one format whose first line is a row like the others (ARCHIVES.md: Reddit's list has no header). */
const HEADERLESS: ArchiveFormat = 'reddit-suspicious-accounts';

/** The SVG a chart or network pin holds, or null (none, or a PNG only). */
export function pinnedSvg(item: PinRecord): string | null {
  const svg = (item.payload as { svg?: unknown } | null | undefined)?.svg;
  return (item.kind === 'chart' || item.kind === 'network') && typeof svg === 'string' && svg ? svg : null;
}

/**
 * The figure a chart or network pin holds (its SVG, or its PNG data URL), as a file of data/derived/figures/.
 * An SVG is written as `figureSvgs` gives it for the item (the pinned SVG with its fonts embedded), else as pinned.
 */
function figureFile(item: PinRecord, figureSvgs: ReadonlyMap<string, string> | undefined): { path: string; bytes: Uint8Array } | null {
  const p = (item.payload ?? {}) as { svg?: unknown; png?: unknown };
  if (item.kind !== 'chart' && item.kind !== 'network') return null;
  const svg = pinnedSvg(item);
  if (svg) return { path: `derived/figures/${item.id}.svg`, bytes: utf8(figureSvgs?.get(item.id) ?? svg) };
  const png = typeof p.png === 'string' ? /^data:image\/png;base64,([A-Za-z0-9+/]+=*)$/.exec(p.png) : null;
  return png ? { path: `derived/figures/${item.id}.png`, bytes: fromBase64(png[1]!) } : null;
}

/** The graph a pinned network view holds (GraphML with its analysis receipt), as a file of data/derived/graphs/. */
function graphFile(item: PinRecord): { path: string; bytes: Uint8Array } | null {
  const g = (item.payload as { graphml?: unknown } | undefined)?.graphml;
  return item.kind === 'network' && typeof g === 'string' && g ? { path: `derived/graphs/${item.id}.graphml`, bytes: utf8(g) } : null;
}

/**
 * Platform ids in the payload (tweetid, userid, source/target ids, a post pair's tweetA/tweetB …),
 * also one level down (e.g. payload.account.userid); the app's own dataset and import ids are not.
 */
function platformIds(payload: unknown, depth = 0): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    for (const [k, v] of Object.entries(payload as Record<string, unknown>)) {
      if (/^(dataset|import)Id$/i.test(k)) continue;
      if (/id$|ids$|^hash$|^source$|^target$|^accounts$|^tweet[AB]$/i.test(k) && (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))) {
        out[k] = v as JsonValue;
      } else if (depth === 0 && v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [kk, vv] of Object.entries(platformIds(v, 1))) if (!(kk in out)) out[kk] = vv;
      }
    }
  }
  return out;
}

/** The account a tweet or account item is about (the tweet's author): a screen name may pass for another's, its user id does not. */
function namedUserid(item: PinRecord): string {
  const p = (item.payload ?? {}) as { userid?: unknown; finding?: unknown; account?: { userid?: unknown } };
  const id = item.kind === 'tweet' ? p.userid : item.kind === 'account' && p.finding === undefined ? p.account?.userid : undefined;
  return typeof id === 'string' ? id : '';
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function buildCaseBundleContent(args: {
  caseRecord: CaseRecord;
  items: PinRecord[];
  /** Excerpt bytes per source SHA-256 and rangeKey(). */
  excerpts: ReadonlyMap<string, ReadonlyMap<string, Uint8Array>>;
  /** Each source's first line (scanSource's firstLine), per SHA-256: its header row, for the formats that have one. */
  firstLines: ReadonlyMap<string, Uint8Array>;
  sources: ReadonlyMap<string, SourceInfo>;
  analyst: string;
  software: { name: string; version: string };
  /**
   * The text of a chart or network item's figure file, per item id, when it is not the pinned SVG:
   * exportCaseBundle gives the pinned SVG with the fonts of its text embedded (svgWithFonts). What was
   * pinned (pinned-items.json, analysis.json's parameters) keeps the SVG as pinned.
   */
  figureSvgs?: ReadonlyMap<string, string>;
}): CaseBundleContent {
  const { caseRecord, items, excerpts, firstLines, sources, analyst, software, figureSvgs } = args;
  const payload = new Map<string, PayloadFile>();
  const itemLines: JsonValue[] = [];

  for (const item of items) {
    const cited = item.provenance.map((p) => {
      const info = sources.get(p.fileSha256);
      const bytes = excerpts.get(p.fileSha256)?.get(rangeKey(p));
      if (!info || !bytes) throw new Error(`item “${item.title}”: the cited bytes of source ${p.fileSha256} row ${p.row} were not read`);
      const path = excerptPath(info, p);
      payload.set(path, { path, bytes });
      const header = headerFile(info, firstLines.get(p.fileSha256));
      if (header) payload.set(header.path, header);
      return {
        path: `data/${path}`,
        sha256: bytesToHex(sha256(bytes)),
        source_file: info.entryName ? `${info.fileName}/${info.entryName}` : info.fileName,
        source_sha256: p.fileSha256,
        row: p.row,
        byte_offset: p.byteOffset,
        byte_length: p.byteLength,
        ...(header ? { header: { path: `data/${header.path}`, sha256: bytesToHex(sha256(header.bytes)), byte_offset: 0, byte_length: header.bytes.length } } : {}),
        acquired_at: info.importedAt,
      };
    });
    const figure = figureFile(item, figureSvgs);
    if (figure) payload.set(figure.path, figure);
    const graph = graphFile(item);
    if (graph) payload.set(graph.path, graph);
    itemLines.push({
      id: item.id,
      kind: item.kind,
      title: item.title,
      dataset_id: item.datasetId,
      // A chart or network view is its figure file; other items, the first source row they cite.
      path: figure ? `data/${figure.path}` : (cited[0]?.path ?? null),
      sha256: figure ? bytesToHex(sha256(figure.bytes)) : (cited[0]?.sha256 ?? null),
      ...(graph ? { graph: { path: `data/${graph.path}`, sha256: bytesToHex(sha256(graph.bytes)) } } : {}),
      sources: cited,
      platform_ids: platformIds(item.payload),
      acquired_at: cited[0]?.acquired_at ?? null,
      pinned_at: item.pinnedAt,
      method: methodOf(item),
      tool: `${software.name} ${software.version}`,
      analyst,
      note: caseRecord.itemNotes[item.id] ?? '',
      tags: caseRecord.itemTags?.[item.id] ?? [],
    });
  }

  // Derived: the items as a table, and exactly what was pinned (chart options, queries, parameters).
  const table = [
    // user_id last: the columns before it keep their places for readers written against them.
    'id,kind,title,dataset_id,pinned_at,source_rows,note,tags,user_id',
    ...items.map((i) =>
      [i.id, i.kind, i.title, i.datasetId, i.pinnedAt, String(i.provenance.length), caseRecord.itemNotes[i.id] ?? '', (caseRecord.itemTags?.[i.id] ?? []).join(', '), namedUserid(i)].map(csvField).join(','),
    ),
  ].join('\n');
  payload.set('derived/evidence-items.csv', { path: 'derived/evidence-items.csv', bytes: utf8(`${table}\n`) });
  if (caseRecord.notes) payload.set('derived/case-notes.txt', { path: 'derived/case-notes.txt', bytes: utf8(`${caseRecord.notes}\n`) });
  // A network view's graph is its own file: named here, not repeated.
  const pinned = items.map((i) => {
    const graph = graphFile(i);
    return { id: i.id, kind: i.kind, title: i.title, datasetId: i.datasetId, pinnedAt: i.pinnedAt, payload: graph ? { ...(i.payload as object), graphml: `data/${graph.path}` } : (i.payload ?? null) };
  });
  payload.set('derived/pinned-items.json', { path: 'derived/pinned-items.json', bytes: utf8(`${JSON.stringify(pinned, null, 2)}\n`) });

  const usedSources = [...new Set(items.flatMap((i) => i.provenance.map((p) => p.fileSha256)))].sort();
  const analysis: JsonValue = {
    case: { id: caseRecord.id, name: caseRecord.name },
    software: { name: software.name, version: software.version },
    inputs: usedSources.map((sha) => {
      const s = sources.get(sha)!;
      return s.receipt ? importFacts(sha, s.receipt) : { name: s.fileName, entry: s.entryName ?? null, sha256: sha, size: s.size, format: s.format, imported_at: s.importedAt };
    }),
    excerpt_method: 'each data/source file holds the exact bytes [byte_offset, byte_offset + byte_length) of the cited row in the (decompressed) source file whose SHA-256 is source_sha256; the source was re-selected and re-hashed at export and matched its import hash; beside the excerpts, header_bytes-0-<length>.csv holds the source\'s first bytes [0, length), its header row, which names their columns (a source without a header row has none)',
    // Parameters, seeds and algorithm versions travel in each pinned item's payload.
    parameters: JSON.parse(JSON.stringify(items.filter((i) => i.kind !== 'account' && i.kind !== 'tweet').map((i) => ({ item: i.id, kind: i.kind, payload: i.payload ?? null })))) as JsonValue,
    counts: Object.fromEntries(Object.keys(METHOD).map((k) => [k, items.filter((i) => i.kind === k).length])),
  };
  return { payload: [...payload.values()], items: itemLines, analysis };
}
