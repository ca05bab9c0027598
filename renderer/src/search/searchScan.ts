import type { FilterBlock, FilterDicts } from './searchFilterColumns';
import type { SearchFilters } from './searchQuery';
import { normalizeForSearch } from '../../../shared/domain/searchFold';
import { rowAt, rowsOf, SEP, type TextBlock } from './searchText';
import { domainKey } from '../../../shared/domain/domainKey';
import { creditedKey } from '../store/tweetTargets';
import { findTerm, termRule, type TermRule } from './findTerm';

/** A query prepared once for a corpus: terms ordered for scanning, filters as dictionary codes. */
export interface CompiledQuery {
  /** The longest term, found with indexOf over each block's joined text ('' = every row). */
  first: string;
  /** The other terms, each checked inside the row the first term was found in. */
  others: string[];
  /** Which of first and others match only whole hashtags or names (findTerm.ts). */
  firstRule: TermRule;
  othersRules: TermRule[];
  /** True when a filter needs the block's FilterBlock. */
  needsFilters: boolean;
  /** Row test on the filter columns (undefined = no filter). */
  keep?: (f: FilterBlock, i: number) => boolean;
}

/**
 * `attribute` credits a '@name' target to the archived account of that name (the search worker's
 * ScreenNames), as the Overview's counts do; without it a '@name' stays itself.
 */
export function compileQuery(terms: string[], f: SearchFilters, d: FilterDicts, attribute: (name: string) => string | undefined = () => undefined): CompiledQuery {
  const clean = terms.map((t) => t.replaceAll(SEP, '')).filter(Boolean);
  const first = clean.reduce((a, t) => (t.length > a.length ? t : a), '');
  const others = clean.filter((t) => t !== first);
  const tag = f.hashtag === undefined ? undefined : normalizeForSearch(f.hashtag.replace(/^#/, ''));
  // code(), not a look-up: blocks still loading may hold a value no loaded block holds yet.
  const lang = f.language !== undefined ? d.language.code(f.language) : -1;
  const user = f.userid ? d.userid.code(f.userid) : -1;
  const client = f.client !== undefined ? d.client.code(f.client) : -1;
  const tagCode = tag ? d.hashtagLower.code(tag) : -1;
  const lowerOf = d.hashtagLowerOf;
  const from = f.fromMinute;
  const to = f.toMinute;
  const rt = f.retweet;
  // The corpus's domains grow as blocks load: each is judged the first time a row links it.
  const domain = f.domain ? domainKey(f.domain.trim()) : undefined;
  const domainMatches: boolean[] = [];
  const isDomain = (code: number) => (domainMatches[code] ??= domainKey(d.domain.values[code]!) === domain);
  // Target accounts likewise: each is judged (credited, then compared) the first time a row names it.
  const credited: boolean[][] = [[], []];
  const isAccount = (which: 0 | 1, code: number, wanted: string) => (credited[which]![code] ??= creditedKey(d.account.values[code]!, attribute) === wanted);
  const mentions = f.mentions;
  const retweets = f.retweets;
  const filtered = from !== undefined || to !== undefined || lang >= 0 || user >= 0 || client >= 0 || rt !== undefined || tagCode >= 0 || domain !== undefined || !!mentions || !!retweets;
  // Ordering by time reads the time column too.
  const needsFilters = filtered || f.order !== undefined;
  const keep = filtered
    ? (b: FilterBlock, i: number): boolean => {
        const t = b.tweetTime[i]!;
        if (from !== undefined && t < from) return false;
        if (to !== undefined && t >= to) return false;
        if (lang >= 0 && b.language[i] !== lang) return false;
        if (user >= 0 && b.userid[i] !== user) return false;
        if (rt === 'only' && b.isRetweet[i] !== 1) return false;
        if (rt === 'exclude' && b.isRetweet[i] === 1) return false;
        if (client >= 0 && b.client[i] !== client) return false;
        if (tagCode >= 0) {
          let found = false;
          for (let k = b.tagStarts[i]!, e = b.tagStarts[i + 1]!; k < e; k++) if (lowerOf[b.tagCodes[k]!] === tagCode) { found = true; break; }
          if (!found) return false;
        }
        if (domain !== undefined || mentions || retweets) {
          const t = b.targets;
          if (!t) throw new Error('A block of the search index has no URL, mention or retweet columns.');
          if (domain !== undefined) {
            let found = false;
            for (let k = t.urlStarts[i]!, e = t.urlStarts[i + 1]!; k < e; k++) if (isDomain(t.urlDomain[k]!)) { found = true; break; }
            if (!found) return false;
          }
          if (retweets && !(t.retweet[i]! >= 0 && isAccount(1, t.retweet[i]!, retweets))) return false;
          if (mentions) {
            // A '@name' credited to the tweet's own author is no mention (the Overview's rule).
            if (d.userid.values[b.userid[i]!] === mentions) return false;
            let found = false;
            for (let k = t.mentionStarts[i]!, e = t.mentionStarts[i + 1]!; k < e; k++) if (isAccount(0, t.mention[k]!, mentions)) { found = true; break; }
            if (!found) return false;
          }
        }
        return true;
      }
    : undefined;
  return { first, others, needsFilters, keep, firstRule: termRule(first), othersRules: others.map(termRule) };
}

/**
 * Scans one block: counts its matching rows and appends to `page` the rows of matches number
 * skip, skip+1, … (at most `want` of them). The first term is found with indexOf over the joined
 * text (one native scan), each hit's row is checked against the other terms and the filters, and
 * the scan resumes at the next row. Exact for every script: plain substring search, no word
 * splitting (but for whole `#tag` and `@name` terms, findTerm.ts). `filters` must be given when q.needsFilters.
 */
export function scanBlock(t: TextBlock, filters: FilterBlock | undefined, q: CompiledQuery, skip: number, want: number, page: number[]): number {
  const n = rowsOf(t);
  const keep = q.keep;
  const others = q.others;
  const joined = t.joined;
  const starts = t.starts;
  let count = 0;
  const accept = (i: number): void => {
    if (count >= skip && page.length < want) page.push(i);
    count++;
  };
  if (!q.first) {
    for (let i = 0; i < n; i++) if (!keep || keep(filters!, i)) accept(i);
    return count;
  }
  const first = q.first;
  const firstRule = q.firstRule;
  // Next known position of each other term: rows only move forward, so each term's occurrences are
  // scanned once per block however many rows the first term is found in.
  const next = others.map(() => -1);
  let lo = 0;
  for (let at = findTerm(joined, first, 0, firstRule); at >= 0; ) {
    const i = rowAt(starts, at, lo);
    let ok = !keep || keep(filters!, i);
    if (ok && others.length) {
      const s = starts[i]!;
      const e = starts[i + 1]! - 1;
      for (let j = 0; j < others.length; j++) {
        let k = next[j]!;
        if (k < s && k !== -2) next[j] = k = findTerm(joined, others[j]!, s, q.othersRules[j]!);
        if (k < 0) {
          // -2: the term does not occur again in this block.
          next[j] = -2;
          ok = false;
          break;
        }
        if (k + others[j]!.length > e) {
          ok = false;
          break;
        }
      }
    }
    if (ok) accept(i);
    lo = i + 1;
    at = lo < n ? findTerm(joined, first, starts[lo]!, firstRule) : -1;
  }
  return count;
}
