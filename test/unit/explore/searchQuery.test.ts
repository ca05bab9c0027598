import { describe, expect, it } from 'vitest';
import { describeFilters, ignoredNote, invisiblesIgnored, nothingToSearch, operatorLikeWords, parseQuery, unpairedQuote } from '../../../renderer/src/search/searchQuery';

describe('parseQuery: quotes pair from the left, an unpaired one is ignored', () => {
  it('a stray closing or opening quote is neither part of a term nor a phrase', () => {
    // QA: `item 1"` searched the term `1"`, which no tweet holds as typed.
    expect(parseQuery('item 1"')).toEqual(['item', '1']);
    expect(parseQuery('"item 1')).toEqual(['item', '1']);
    expect(parseQuery('item" 1')).toEqual(['item', '1']);
    expect(parseQuery('5"x')).toEqual(['5', 'x']);
    for (const q of ['item 1"', '"item 1', '“item 1', 'item 1”']) expect(unpairedQuote(q), q).toBe(true);
  });
  it('paired quotes make phrases wherever they stand; the last of an odd number is the unpaired one', () => {
    expect(parseQuery('"hong kong" peace')).toEqual(['hong kong', 'peace']);
    expect(parseQuery('say"hi there"')).toEqual(['say', 'hi there']);
    expect(parseQuery('"hong kong" peace"')).toEqual(['hong kong', 'peace']);
    expect(parseQuery('"a b" "c d')).toEqual(['a b', 'c', 'd']);
    expect(parseQuery('“clinging to life” now')).toEqual(['clinging to life', 'now']);
    for (const q of ['"hong kong" peace', 'no quotes', '“a b”', '""']) expect(unpairedQuote(q), q).toBe(false);
  });
  it('operator-like words are read outside phrases as the terms are: an unpaired quote makes no phrase', () => {
    expect(operatorLikeWords('"a OR b" NOT')).toEqual(['NOT']);
    expect(operatorLikeWords('"NOT this')).toEqual(['NOT']);
    expect(operatorLikeWords('“x AND y” -z')).toEqual(['-z']);
  });
});

describe('parseQuery and nothingToSearch: invisible characters are no term', () => {
  it('a term of invisible characters only is dropped; one with a visible character is kept as typed', () => {
    expect(parseQuery('\u200b')).toEqual([]);
    expect(parseQuery('hong \u200b\u2060 kong \ufeff')).toEqual(['hong', 'kong']);
    expect(parseQuery('" \u200b "')).toEqual([]);
    // Inside a word, left out as the stored text leaves them out (normalizeForSearch): hong\u200bkong is hongkong.
    expect(parseQuery('hong\u200bkong')).toEqual(['hongkong']);
    expect(parseQuery('"free hong\u00adkong"')).toEqual(['free hongkong']);
    // An emoji keeps its joiners; its variation selector goes (❤️ is ❤).
    expect(parseQuery('❤️ 👩‍👩‍👧')).toEqual(['❤', '👩‍👩‍👧']);
  });
  it('a control character parts words: no term holds the U+0000 that joins a block\'s rows', () => {
    expect(parseQuery('a\u0000b "c\u0001d"')).toEqual(['a', 'b', 'c d']);
  });
  it('a query that is not blank but has no term says why, naming the invisible characters', () => {
    expect(nothingToSearch('\u200b')).toBe('the search words hold only invisible characters (U+200B), so there is nothing to search for. Type a word, or clear the box to list every tweet the filters allow');
    expect(nothingToSearch(' \u200b\u2060\u200b\u00a0')).toMatch(/^the search words hold only invisible characters \(U\+200B, U\+2060\),/);
    expect(nothingToSearch('\ufeff')).toMatch(/\(U\+FEFF\)/);
    expect(nothingToSearch('"')).toMatch(/^the search words hold only a quote,/);
    expect(nothingToSearch('"" \u200b')).toMatch(/^the search words hold only quotes and invisible characters \(U\+200B\),/);
    // Arabic tatweel is seen, but search leaves it out of every text: named too.
    expect(nothingToSearch('\u0640')).toMatch(/^the search words hold only characters that search ignores \(U\+0640\),/);
    expect(nothingToSearch('\u0640\u0640 " \u200b')).toMatch(/^the search words hold only a quote and characters that search ignores \(U\+0640, U\+200B\),/);
    // The empty query, white space only too, lists every tweet the filters allow; a query with a term is searched.
    for (const q of ['', '   ', '\u00a0\u3000', 'kong', '"\u200bkong']) expect(nothingToSearch(q), JSON.stringify(q)).toBeUndefined();
  });
});

describe('ignoredNote names what search left out of the words', () => {
  it('an invisible character inside a word or alone, by code point and name, once each', () => {
    expect(ignoredNote('hong\u200bkong')).toBe(' (its invisible character U+200B ZERO WIDTH SPACE ignored)');
    expect(ignoredNote('hong\u200bkong \u2060 free\u200bhk')).toBe(' (its invisible characters U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER ignored)');
    expect(ignoredNote('hong\u00adkong "x')).toBe(' (its unpaired " and invisible character U+00AD SOFT HYPHEN ignored)');
    expect(ignoredNote('item 1"')).toBe(' (its unpaired " ignored)');
    // A joiner or non-joiner in a Latin word is named; so is a bidi mark.
    expect(invisiblesIgnored('hong\u200ckong hong\u200dkong \u200fhk')).toEqual(['\u200c', '\u200d', '\u200f']);
  });
  it('not what writes the text: Persian and Indic joiners, an emoji\'s joiner and variation selector, a flag\'s tags', () => {
    for (const q of ['می\u200cخواهم', '#می\u200cخواهم', 'क्\u200dष', '❤️', '👩‍👩‍👧', '🏳️‍🌈', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', 'hongkong', 'a\u0001b', 'مي\u0640\u0640']) {
      expect(ignoredNote(q), JSON.stringify(q)).toBe('');
    }
  });
});

describe('describeFilters names accounts as it is told', () => {
  const f = { userid: '3', mentions: '@outside', retweets: '7', retweet: 'exclude' as const };
  it('by id by default (file names, receipts, the report), by the given namer on the page', () => {
    expect(describeFilters(f, String)).toBe('account 3, no retweets, mentioning @outside, retweeting 7');
    const names: Record<string, string> = { '3': '@gamma', '7': '@delta (user id 7)' };
    expect(describeFilters(f, String, (id) => names[id] ?? id)).toBe('account @gamma, no retweets, mentioning @outside, retweeting @delta (user id 7)');
  });
});
