/**
 * A real case for report tests: posts and accounts cited from the real fixtures (CJK posts of the
 * China 2019 set, an account whose profile is Arabic, English IRA posts), item hashes over their
 * exact source bytes, and a real signed bundle (shared/evidence) whose id and VERIFY.txt the
 * report prints. Hebrew and emoji come from the analyst's notes (items 1 and 2).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { readFileSync } from 'node:fs';
import { splitCsvBytes, type CsvRecord } from '../../../shared/archive/csvRecords';
import { readIsoMinute, readList } from '../../../shared/archive/fieldValues';
import { parseArchive } from '../../../shared/archive/parseArchive';
import type { Account } from '../../../shared/domain/account';
import type { Tweet } from '../../../shared/domain/tweet';
import { prepareBundle, type PreparedBundle } from '../../../shared/evidence/bundleWriter';
import { appendCustody, type CustodyEntry } from '../../../shared/evidence/custodyLog';
import { seedSigner } from '../../../shared/evidence/signer';
import { reportCertificate, signReportAttributes } from '../../../shared/evidence/pdfSigningKey';
import { EVIDENCE_NAMESPACE, sshsigSign } from '../../../shared/evidence/sshsig';
import type { ReportSigning } from '../../../shared/report/finishReportPdf';
import { reportBundleFields } from '../../../shared/report/reportBundleFields';
import type { ReportFigure, ReportItem, ReportModel, ReportPostItem } from '../../../shared/report/reportModel';
import { STANDARD_LIMITS } from '../../../shared/report/standardLimits';
import { realFixture } from '../../fixtures/paths';
import { accountItem, postItem } from './reportItems';

/** The 14-column notebook projection (real CJK tweets): cited straight from its own bytes. */
export const CHINA_TWEETS = 'china_082019_tweets_14col_projection_from_notebook.csv';
export const CHINA_USERS = 'china_082019_1_users_csv_hashed.csv';
export const IRA_TWEETS = 'ira_2018_tweets_csv_hashed_excerpt.csv';
const FILES = [CHINA_TWEETS, CHINA_USERS, IRA_TWEETS];
const PRINCIPAL = 'analyst@example.org';
export const HEBREW_NOTE = 'הערת אנליסט: לבדוק מול הארכיון 🔍';
/** Arabic words drawn with ligature glyphs (lam-alef, Allah), whose text pdftotext once reversed. */
export const ARABIC_LIGATURE_NOTE = 'ملاحظة: لا للعنف والسلام عليكم والله أعلم';
/** Emoji as separate words, so each one has its own box in the PDF (pdftotext -bbox): a flag is two code points. */
export const EMOJI_WORDS = ['🔥', '😀', '🇭🇰'];
export const EMOJI_NOTE = `Emoji as posted: ${EMOJI_WORDS.join(' ')}`;
/** Hangul, which the CJK font (Noto Sans SC) lacks: drawn from the report's Noto Sans KR. */
export const KOREAN_NOTE = '분석가 메모: 홍콩 관련 계정 확인\n원문과  대조할 것';
/**
 * CJK ideographs beyond the BMP (Extension B), which Noto Sans SC lacks: Cantonese 𨋢 'lift', 𡃁
 * 'youngster' drawn from Noto Sans HK, and Japanese names' 𠮷 (𠮷野家) and 𩸽, which it lacks too,
 * from Noto Sans JP. Separate words, each with its own box in the PDF.
 */
export const EXTENSION_B_WORDS = ['𨋢', '𡃁仔', '𠝹', '𠮷野家', '𩸽'];
export const CANTONESE_NOTE = `粵語原文 (Cantonese and Japanese names as posted): ${EXTENSION_B_WORDS.join(' ')}`;
/** Words whose letters after a hyphen make a ligature (fi, fl, ff): pdftotext once gave back 'self-fnanced'. */
export const LIGATURE_AFTER_HYPHEN = 'A self-financed anti-flag group, co-filed, re-offered.';
/**
 * A word of each script set in its own bundled face beyond CJK, Arabic and Hebrew
 * (renderer/src/styles/fontFaces.ts): 'check', or the script's or its language's name. Separate
 * words, each with its own box in the PDF.
 */
export const SCRIPT_SAMPLES: readonly { face: string; word: string; rtl?: true }[] = [
  { face: 'Noto Sans Thai', word: 'ตรวจสอบ' },
  { face: 'Noto Sans Bengali', word: 'যাচাই' },
  { face: 'Noto Sans Myanmar', word: 'မြန်မာ' },
  { face: 'Noto Sans Khmer', word: 'ពិនិត្យ' },
  { face: 'Noto Sans Sinhala', word: 'පරීක්ෂා' },
  { face: 'Noto Serif Tibetan', word: 'བརྟག' },
  { face: 'Noto Sans Mongolian', word: 'ᠮᠣᠩᠭᠣᠯ' },
  { face: 'Noto Sans Lao', word: 'ກວດສອບ' },
  { face: 'Noto Sans Tamil', word: 'தமிழ்' },
  { face: 'Noto Sans Telugu', word: 'తెలుగు' },
  { face: 'Noto Sans Kannada', word: 'ಕನ್ನಡ' },
  { face: 'Noto Sans Malayalam', word: 'മലയാളം' },
  { face: 'Noto Sans Gujarati', word: 'ગુજરાતી' },
  { face: 'Noto Sans Gurmukhi', word: 'ਪੰਜਾਬੀ' },
  { face: 'Noto Sans Oriya', word: 'ଭାରତ' },
  { face: 'Noto Sans Georgian', word: 'ქართული' },
  { face: 'Noto Sans Armenian', word: 'Հայերեն' },
  { face: 'Noto Sans Ethiopic', word: 'አማርኛ' },
  { face: 'Noto Sans Tifinagh', word: 'ⵜⴰⵎⴰⵣⵉⵖⵜ' },
  { face: 'Noto Sans Thaana', word: 'ދިވެހި', rtl: true },
  { face: 'Noto Sans Syriac', word: 'ܣܘܪܝܝܐ', rtl: true },
];
export const SCRIPT_WORDS = SCRIPT_SAMPLES.map((s) => s.word);
/** The left-to-right words in one note, the right-to-left ones in another: a PDF's text layer gives RTL runs back in visual order. */
export const SCRIPTS_NOTE = `Other scripts: ${SCRIPT_SAMPLES.filter((s) => !s.rtl).map((s) => s.word).join(' ')}`;
export const RTL_SCRIPTS_NOTE = `Other right-to-left scripts: ${SCRIPT_SAMPLES.filter((s) => s.rtl).map((s) => s.word).join(' ')}`;
export const CREATED = new Date('2026-11-28T12:00:00.000Z');

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

interface Loaded {
  name: string;
  bytes: Uint8Array;
  sha256: string;
  tweets: Tweet[];
  accounts: Account[];
  /** Posts read outside the importer (the projection). */
  posts: ReportPostItem[];
}

/**
 * The projection is refused by the importer (14 of 31 columns), so its rows are read here with the
 * importer's own CSV splitter and field readers; absent columns stay absent (null counts).
 */
function projectionPosts(f: Loaded, bytes: Uint8Array): ReportPostItem[] {
  const [header, ...records] = splitCsvBytes([bytes]);
  const col = (r: CsvRecord, name: string) => r.fields![header!.fields!.indexOf(name)]!;
  return records.map((r) => ({
    kind: 'post',
    itemId: '',
    sha256: hex(sha256(bytes.subarray(r.byteOffset, r.byteOffset + r.byteLength))),
    source: { fileName: f.name, fileSha256: f.sha256, row: r.recordNumber - 1, byteOffset: r.byteOffset, byteLength: r.byteLength },
    tweetid: col(r, 'tweetid'),
    userid: col(r, 'userid'),
    userScreenName: col(r, 'user_screen_name'),
    userDisplayName: col(r, 'user_display_name'),
    tweetLanguage: col(r, 'tweet_language'),
    text: col(r, 'tweet_text'),
    tweetTime: readIsoMinute('tweet_time', col(r, 'tweet_time')),
    isRetweet: null,
    hashtags: readList('hashtags', col(r, 'hashtags')),
    engagement: { replies: null, retweets: null, likes: null, quotes: null },
  }));
}

async function load(name: string): Promise<Loaded> {
  const bytes = new Uint8Array(readFileSync(realFixture(name)));
  const out: Loaded = { name, bytes, sha256: hex(sha256(bytes)), tweets: [], accounts: [], posts: [] };
  if (name === CHINA_TWEETS) {
    out.posts = projectionPosts(out, bytes);
    return out;
  }
  let quarantined = 0;
  await parseArchive(
    { name, open: () => new Blob([bytes]).stream() as ReadableStream<Uint8Array> },
    { onTweets: (b) => void out.tweets.push(...b), onAccounts: (b) => void out.accounts.push(...b), onQuarantine: (b) => void (quarantined += b.length) },
  );
  if (quarantined) throw new Error(`${name}: ${quarantined} rows quarantined`);
  return out;
}

const exactBytes = (f: Loaded, p: { byteOffset: number; byteLength: number }) => f.bytes.subarray(p.byteOffset, p.byteOffset + p.byteLength);

/** A node label of the network figure: CJK, drawn in the SVG as the app's network exports draw labels. */
export const FIGURE_LABEL = '香港警察 节点';

/** A small SVG figure (a real file the report embeds as a data URL). */
function svgFigure(kind: ReportFigure['kind'], title: string): ReportFigure {
  const label = kind === 'network' ? `<text x="80" y="130" font-family="sans-serif" font-size="11" text-anchor="middle">${FIGURE_LABEL}</text>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160" viewBox="0 0 400 160"><rect width="400" height="160" fill="#fff"/><circle cx="80" cy="80" r="30" fill="#2563eb"/><circle cx="220" cy="50" r="20" fill="#dc2626"/><circle cx="300" cy="110" r="25" fill="#16a34a"/><line x1="80" y1="80" x2="220" y2="50" stroke="#333"/><line x1="220" y1="50" x2="300" y2="110" stroke="#333"/>${label}</svg>`;
  return {
    kind,
    title,
    imageDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    alt: `${title}: three accounts joined by two edges`,
    caption: `${title} of the cited accounts.`,
    filtered: kind === 'network' ? 'edges with fewer than 2 co-retweets hidden; 3 isolated accounts hidden' : 'nothing',
  };
}

/** The seed of the case's signing key (tests only). */
export const REPORT_CASE_SEED = new Uint8Array(32).fill(7);

/** The report key as an export gives it to finishReportPdf: derived from the case's key, its certificate vouched for by that key. */
export async function reportSigningOf(model: ReportModel, seed = REPORT_CASE_SEED): Promise<ReportSigning> {
  const certificate = reportCertificate(seed, { principal: model.signer.principal, sshFingerprint: model.signer.fingerprint, notBefore: new Date(model.createdAt) });
  return {
    certificate,
    certificateSignature: await sshsigSign(seedSigner(seed), certificate, EVIDENCE_NAMESPACE),
    signAttributes: async (attributes) => signReportAttributes(seed, attributes),
  };
}

export interface ReportCase {
  model: ReportModel;
  prepared: PreparedBundle;
  /** The posts and accounts cited, in order. */
  items: ReportItem[];
}

/**
 * Builds the case. `itemCount` cycles through the real posts and accounts (each citation is a
 * separate item), so a 200-item report uses 200 real texts.
 */
export async function buildReportCase(itemCount = 7): Promise<ReportCase> {
  const [china, users, ira] = await Promise.all(FILES.map(load));
  const arabic = users!.accounts.filter((a) => /[\u0600-\u06FF]/.test(a.userProfileDescription));
  const pool: Array<{ f: Loaded; t?: Tweet; a?: Account; p?: ReportPostItem }> = [
    { f: china!, p: china!.posts[0]! },
    { f: users!, a: arabic[0]! },
    { f: ira!, t: ira!.tweets[0]! },
    ...china!.posts.slice(1).map((p) => ({ f: china!, p })),
    ...users!.accounts.filter((a) => a.userProfileDescription).map((a) => ({ f: users!, a })),
    ...ira!.tweets.slice(1).map((t) => ({ f: ira!, t })),
  ];
  const items: ReportItem[] = [];
  for (let i = 0; i < itemCount; i++) {
    const { f, t, a, p } = pool[i % pool.length]!;
    const note = [HEBREW_NOTE, EMOJI_NOTE, ARABIC_LIGATURE_NOTE, KOREAN_NOTE, CANTONESE_NOTE, SCRIPTS_NOTE, RTL_SCRIPTS_NOTE][i];
    const extra = { bundlePath: `data/source/${f.name}`, ...(note ? { note } : {}) };
    if (p) {
      items.push({ ...p, itemId: `item-${i + 1}`, ...extra });
      continue;
    }
    const ctx = {
      itemId: `item-${i + 1}`,
      fileName: f.name,
      sha256: hex(sha256(exactBytes(f, (t ?? a)!.provenance))),
      bundlePath: `data/source/${f.name}`,
      ...(note ? { note } : {}),
    };
    items.push(t ? postItem(t, ctx) : accountItem(a!, ctx));
  }

  let custody: CustodyEntry[] = [];
  custody = appendCustody(custody, { at: '2026-11-28T10:00:00.000Z', actor: PRINCIPAL, action: 'case-created', detail: { caseId: 'case-hk-2019' } });
  // As the app records a dataset's import (importFacts: a list of files, each a group of fields).
  for (const f of [china!, users!, ira!]) {
    const file = { name: f.name, entry: null, sha256: f.sha256, size: f.bytes.length, imported_at: '2026-11-28T10:05:00.000Z', rows: { read: f.posts.length || f.tweets.length || f.accounts.length, rejected: 0 } };
    custody = appendCustody(custody, { at: '2026-11-28T10:05:00.000Z', actor: PRINCIPAL, action: 'import', detail: { datasetId: `ds-${f.name.slice(0, 12)}`, dataset: f.name, files: [file] } });
  }
  custody = appendCustody(custody, { at: '2026-11-28T11:00:00.000Z', actor: PRINCIPAL, action: 'pin', detail: { items: items.length } });

  const prepared = await prepareBundle({
    caseId: 'case-hk-2019',
    createdAt: CREATED,
    sourceOrganization: 'Example Newsroom Verification Desk',
    software: { name: 'Disclosure Workbench', version: '0.1.0' },
    principal: PRINCIPAL,
    signer: seedSigner(REPORT_CASE_SEED),
    payload: [china!, users!, ira!].map((f) => ({ path: `source/${f.name}`, bytes: f.bytes, expectedSha256: f.sha256 })),
    items: items.map((it) => ({ id: it.itemId, sha256: it.sha256, source: it.source!.fileName, row: it.source!.row, byte_offset: it.source!.byteOffset })),
    custody,
    analysis: { method: 'manual citation', version: '1' },
    egress: { blockedRequests: 0, urls: [] },
    report: true, // its report is signed and added (signReport), as an export's is
  });

  const model: ReportModel = {
    caseId: 'case-hk-2019',
    caseTitle: 'Hong Kong protests 2019: cited posts and accounts',
    author: 'A. Analyst <analyst@example.org>',
    createdAt: CREATED.toISOString(),
    software: { name: 'Disclosure Workbench', version: '0.1.0' },
    ...reportBundleFields(prepared),
    analystTimeZone: 'Asia/Hong_Kong',
    summary: `Posts and accounts from Twitter's August 2019 China disclosure,\ncited verbatim.\n\nEvery item links back to its source file, row and byte offset. ${LIGATURE_AFTER_HYPHEN}`,
    method: {
      description: 'Items were pinned from the imported archive files; each card quotes the archived fields exactly.',
      parameters: [
        { name: 'Time zone for local times', value: 'Asia/Hong_Kong' },
        { name: 'Items', value: String(items.length) },
      ],
      limits: [...STANDARD_LIMITS],
    },
    sources: [china!, users!, ira!].map((f) => ({ fileName: f.name, sha256: f.sha256, rows: f.posts.length || f.tweets.length || f.accounts.length, format: f.posts.length ? 'tweets (14-column notebook projection, read as cited)' : f.tweets.length ? 'Twitter IO tweets' : 'Twitter IO users' })),
    items,
    figures: [svgFigure('network', 'Co-retweet network'), svgFigure('chart', 'Posts per day')],
    custody: custody.map((c) => ({ seq: c.seq, at: c.at, actor: c.actor, action: c.action, detail: c.detail, hash: c.hash })),
  };
  return { model, prepared, items };
}
