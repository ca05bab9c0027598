/**
 * A case (its pins, notes and custody) → ReportModel. With a prepared bundle the model carries the
 * bundle id, signer, VERIFY.txt and hashes; without one (the in-app preview before export) those
 * fields say so. Pure: no store, no DOM.
 */
import type { PreparedBundle } from '../../../shared/evidence/bundleWriter';
import { toBase64, utf8 } from '../../../shared/evidence/bytes';
import { verifyCustody, type CustodyEntry } from '../../../shared/evidence/custodyLog';
import { reportBundleFields } from '../../../shared/report/reportBundleFields';
import { visibleJson } from '../../../shared/evidence/visibleJson';
import { containBidi } from '../../../shared/domain/bidiIsolate';
import { utcInstantText } from '../../../shared/report/reportTimes';
import { findingFields } from '../../../shared/report/findingFields';
import { coordinationEdgeFields } from '../../../shared/report/coordinationEdgeFields';
import { interactionEdgeFields, isInteractionEdgePin } from '../../../shared/report/interactionEdgeFields';
import { searchFields } from '../../../shared/report/searchFields';
import { describeFilters, type SearchFilters } from '../search/searchQuery';
import { formatMinute } from '../views/explore/timeBuckets';
import { analysisScope, filterFields } from '../../../shared/report/analysisScope';
import { analysisParametersText } from '../../../shared/report/analysisParameters';
import type { AnalysisReceipt } from '../../../shared/graph/analysisReceipt';
import type { ReportFigure, ReportItem, ReportModel, ReportSourceRef } from '../../../shared/report/reportModel';
import { STANDARD_LIMITS } from '../../../shared/report/standardLimits';
import { withoutCaptionBand } from '../../../shared/report/figureCaption';
import { excerptPath, type SourceInfo } from '../cases/caseBundleInput';
import type { MissingSource } from '../cases/exportCaseBundle';
import type { CaseRecord } from '../cases/caseTypes';
import type { PinRecord } from '../pins/pinTypes';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export interface CaseReportInput {
  caseRecord: CaseRecord;
  items: PinRecord[];
  custody: CustodyEntry[];
  sources: SourceInfo[];
  /** Cited files no longer in the store (a deleted dataset's): a preview names them; an export refuses them. */
  missingSources?: MissingSource[];
  prepared?: PreparedBundle;
  author: string;
  software: { name: string; version: string };
  analystTimeZone: string;
  createdAt: Date;
}

export function caseReportModel(input: CaseReportInput): ReportModel {
  const { caseRecord, prepared } = input;
  const sources = new Map(input.sources.map((s) => [s.sha256, s]));
  const missing = new Map((input.missingSources ?? []).map((s) => [s.sha256, s]));
  const missingName = (s: MissingSource) => s.name ?? 'a file the custody log does not name';
  const payloadSha = new Map((prepared?.payload ?? []).map((p) => [p.path, p.sha256]));
  const items: ReportItem[] = [];
  const figures: ReportFigure[] = [];

  for (const pin of input.items) {
    const p0 = pin.provenance[0];
    const info = p0 ? sources.get(p0.fileSha256) : undefined;
    const gone = p0 && !info ? missing.get(p0.fileSha256) : undefined;
    const source: ReportSourceRef | null =
      p0 && (info || gone)
        ? { fileName: info ? (info.entryName ? `${info.fileName}/${info.entryName}` : info.fileName) : missingName(gone!), fileSha256: p0.fileSha256, row: p0.row, byteOffset: p0.byteOffset, byteLength: p0.byteLength, ...(gone ? { deleted: true } : {}) }
        : null;
    const bundlePath = p0 && info ? `data/${excerptPath(info, p0)}` : undefined;
    const base = {
      itemId: pin.id,
      sha256: (bundlePath && payloadSha.get(bundlePath)) ?? '',
      source,
      sourceRows: pin.provenance.length,
      ...(bundlePath ? { bundlePath } : {}),
      ...(caseRecord.itemNotes[pin.id] ? { note: caseRecord.itemNotes[pin.id]! } : {}),
      ...(caseRecord.itemTags?.[pin.id]?.length ? { tags: caseRecord.itemTags[pin.id]! } : {}),
    };
    const p = obj(pin.payload);
    if (pin.kind === 'tweet' && str(p.tweetid)) {
      items.push({
        ...base,
        kind: 'post',
        tweetid: str(p.tweetid),
        userid: str(p.userid),
        userScreenName: str(p.userScreenName),
        userDisplayName: str(p.userDisplayName),
        tweetLanguage: str(p.tweetLanguage) || str(p.lang),
        text: str(p.tweetText) || str(p.text),
        tweetTime: num(p.tweetTime) ?? num(p.time) ?? 0,
        isRetweet: typeof p.isRetweet === 'boolean' ? p.isRetweet : null,
        hashtags: strs(p.hashtags),
        engagement: 'replyCount' in p ? { replies: num(p.replyCount), retweets: num(p.retweetCount), likes: num(p.likeCount), quotes: num(p.quoteCount) } : null,
      });
    } else if (pin.kind === 'account' && str(obj(p.account).userid) && p.finding === undefined) {
      const a = obj(p.account);
      items.push({
        ...base,
        kind: 'account',
        userid: str(a.userid),
        userScreenName: str(a.userScreenName),
        userDisplayName: str(a.userDisplayName),
        description: str(a.userProfileDescription),
        reportedLocation: str(a.userReportedLocation),
        followerCount: num(a.followerCount),
        followingCount: num(a.followingCount),
        accountCreationDate: str(a.accountCreationDate),
        accountLanguage: str(a.accountLanguageRaw) || str(a.accountLanguage),
      });
    } else if ((pin.kind === 'chart' || pin.kind === 'network') && (str(p.svg) || str(p.png))) {
      figures.push({
        kind: pin.kind === 'chart' ? 'chart' : 'network',
        title: str(p.title) || pin.title,
        // The figcaption prints the caption as text: the band drawn under the pinned SVG (there for the bundle's figure file) is left out.
        imageDataUrl: str(p.png).startsWith('data:image/png;base64,') ? str(p.png) : `data:image/svg+xml;base64,${toBase64(utf8(str(p.caption) ? withoutCaptionBand(str(p.svg)) : str(p.svg)))}`,
        alt: str(p.alt) || str(p.caption) || pin.title,
        caption: str(p.caption),
        // A chart says its limits (top 15, the rest as other) in its caption; a time filter is stated on its own.
        filtered: str(p.filtered) || str(p.hidden) || (pin.kind === 'network' ? 'not stated in the pinned view' : 'no time filter; other limits as the caption states'),
        itemId: pin.id,
      });
    } else {
      const { svg: _svg, png: _png, ...rest } = p;
      // The receipt of an analysis is long and technical: the bundle's analysis.json has it whole.
      const { receipt, ...shown } = rest;
      // What the analysis read and left out comes first, in words; its filter is not repeated in epoch minutes.
      const params = shown.parameters as Record<string, unknown> | undefined;
      const interactionEdge = isInteractionEdgePin(pin.kind, p);
      const { filter, ...otherParameters } = params ?? {};
      const fields: Array<[string, string]> = [
        ...analysisScope(receipt as Partial<AnalysisReceipt> | undefined),
        ...(receipt ? [] : filterFields(filter)),
        // A coordination or interaction edge, or a search, in words, its posts' texts exact; any other finding as its fields.
        ...(pin.kind === 'coordination-edge' ? coordinationEdgeFields(shown)
          : interactionEdge ? interactionEdgeFields(shown)
          : pin.kind === 'search' ? searchFields(shown, describeFilters(obj(shown.filters) as SearchFilters, formatMinute))
          : findingFields(params ? { ...shown, parameters: otherParameters } : shown)),
      ];
      items.push({ ...base, kind: 'finding', findingKind: interactionEdge ? 'interaction-edge' : pin.kind, title: pin.title, detail: visibleJson(rest, 2).slice(0, 20_000), fields });
    }
  }

  const bundle = prepared
    ? reportBundleFields(prepared)
    : {
        preview: true,
        bagName: '(preview: named when the bundle is exported)',
        bundleId: 'PREVIEW — not signed; the bundle id is known only at export',
        signer: { principal: input.author, fingerprint: 'PREVIEW — no signature yet', namespace: '' },
        verifyText: 'This is a preview. The exported report prints the VERIFY.txt of its bundle here.',
        hashes: [],
      };
  return {
    caseId: caseRecord.id,
    caseTitle: caseRecord.name,
    author: input.author,
    createdAt: input.createdAt.toISOString(),
    software: input.software,
    ...bundle,
    analystTimeZone: input.analystTimeZone,
    // The case's name last: a right-to-left name in the middle pulled the date after it into its run.
    // The case's own notes follow as paragraphs of the summary (blank lines separate them).
    summary: `Evidence report for a case opened ${utcInstantText(caseRecord.createdAt)} by ${caseRecord.createdBy}: “${containBidi(caseRecord.name)}”.${caseRecord.notes ? `\n\n${caseRecord.notes}` : ''}`,
    method: {
      description:
        'Each item was pinned in the app from an imported archive file; its card quotes the archived fields, and the bundle holds the exact bytes of the cited row (data/source/…). ' +
        'Source files were hashed (SHA-256) at import and re-hashed at export; export refuses if any changed.',
      parameters: [
        { name: 'Items', value: String(items.length) },
        { name: 'Figures', value: String(figures.length) },
        { name: 'Analyst time zone', value: input.analystTimeZone },
        // Each analysis behind a pinned network view or edge, in words (its whole receipt is in analysis.json).
        ...input.items.flatMap((pin) => {
          const receipt = obj(obj(pin.payload).receipt) as Partial<AnalysisReceipt>;
          return receipt.kind ? [{ name: pin.title, value: analysisParametersText(receipt) }] : [];
        }),
      ],
      limits: [...STANDARD_LIMITS],
    },
    sources: [
      ...input.sources.map((s) => ({ fileName: s.entryName ? `${s.fileName}/${s.entryName}` : s.fileName, sha256: s.sha256, rows: s.rowsRead ?? null, format: s.format })),
      ...(input.missingSources ?? []).map((s) => ({ fileName: missingName(s), sha256: s.sha256, rows: null, format: 'unknown: its dataset was deleted' })),
    ].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0)),
    items,
    figures,
    custody: input.custody.map((c) => ({ seq: c.seq, at: c.at, actor: c.actor, action: c.action, detail: c.detail, hash: c.hash })),
    // A preview prints the log as stored, so it says whether the chain holds (an export refuses a broken one).
    custodyCheck: verifyCustody(input.custody),
  };
}
