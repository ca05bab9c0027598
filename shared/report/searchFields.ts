/**
 * A pinned search (SearchView's payload) as a reader's fields, in words: the query, its filters as the
 * app says them, how many tweets matched, which results the pin cites, and each cited post with its
 * exact text (the PDF's text layer gives back every cited post). Pins made before 2026-12-03 hold
 * the cited posts' ids only: said, with where their exact rows are.
 */
import { isNum, list, obj, str } from './payloadValues';

/** `filtersInWords`: the pin's filters as the Search view describes them (describeFilters), '' for none. */
export function searchFields(payload: unknown, filtersInWords: string): Array<[string, string]> {
  const p = obj(payload);
  const query = str(p.query);
  const cited = obj(p.citedResults);
  const terms = Array.isArray(p.terms) ? p.terms.map(str) : [];
  const out: Array<[string, string]> = [
    ['query', query || '(none: every tweet the filters allow)'],
    ...(terms.length > 1 ? [['terms (each must match)', terms.join(' · ')] as [string, string]] : []),
    ['filters', filtersInWords || 'none'],
    ['matches', isNum(p.count) ? `${p.count.toLocaleString('en')} ${p.count === 1 ? 'tweet' : 'tweets'}` : 'not recorded'],
  ];
  if (isNum(cited.from) && isNum(cited.to)) out.push(['results cited', `${cited.from} to ${cited.to}, in the order the search listed them`]);
  const tweets = list(p.citedTweets);
  const from = isNum(cited.from) ? cited.from : 1;
  tweets.forEach((t, k) => {
    const n = from + k;
    out.push([`result ${n}`, `post ${str(t.tweetid)} by @${str(t.userScreenName)} (account ${str(t.userid)}) at ${str(t.time)}`]);
    out.push([`result ${n} text`, str(t.text)]);
  });
  if (!tweets.length && Array.isArray(p.citedTweetIds)) {
    out.push(['cited posts', p.citedTweetIds.map(str).join(', ')]);
    out.push(['cited posts\' texts', 'not in this pin (pinned before texts were kept): the exact source rows are in the bundle\'s data/source excerpts']);
  }
  return out;
}
