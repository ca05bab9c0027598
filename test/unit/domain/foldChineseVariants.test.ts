import { describe, expect, it } from 'vitest';
import { foldChineseVariants } from '../../../shared/domain/foldChineseVariants';
import { foldCase } from '../../../shared/domain/foldCase';
import { normalizeForSearch } from '../../../shared/domain/searchFold';
import { highlightRanges, parseQuery } from '../../../renderer/src/search/searchQuery';
import { splitCsvBytes } from '../../../shared/archive/csvRecords';
import { readReal } from '../archive/helpers';

describe('foldChineseVariants: Traditional and Simplified Chinese are one text for search', () => {
  it('folds Traditional characters, and Hong Kong and Taiwan variant forms, to Simplified', () => {
    expect(foldChineseVariants('香港獨立')).toBe('香港独立');
    expect(foldChineseVariants('香港独立')).toBe('香港独立');
    expect(foldChineseVariants('衞生')).toBe(foldChineseVariants('衛生')); // Hong Kong's variant 衞
    expect(foldChineseVariants('爲了')).toBe(foldChineseVariants('為了'));
    // Two Traditional characters written as one Simplified one both fold to it: a search finds both.
    expect(foldChineseVariants('發展 頭髮')).toBe('发展 头发');
    // A character whose Simplified form is itself in the table folds to the end of the chain.
    expect(foldChineseVariants('薴')).toBe(foldChineseVariants('苧'));
  });

  it('leaves text without Han characters as it is, and case folding to foldCase', () => {
    for (const s of ['Hong Kong', 'السلام', 'שלום', '😀👍🏽', 'ＨＫ', '']) expect(foldChineseVariants(s)).toBe(s);
    // Hashtag keys are not folded across scripts: #香港獨立 and #香港独立 stay two counted spellings.
    expect(foldCase('香港獨立')).toBe('香港獨立');
  });

  it('a Simplified query finds the real China 2019 tweets written in Traditional characters, and the highlight covers them as archived', () => {
    const [header, ...rows] = splitCsvBytes([readReal('china_082019_tweets_14col_projection_from_notebook.csv')]).map((r) => r.fields as string[]);
    const texts = rows.map((r) => r[header!.indexOf('tweet_text')]!);
    const found = (q: string) => texts.filter((t) => parseQuery(q).every((term) => normalizeForSearch(t).includes(term)));
    expect(texts.filter((t) => t.includes('台湾独立'))).toEqual([]); // archived in Traditional only
    expect(found('台湾独立')).toEqual(texts.filter((t) => t.includes('台灣獨立')));
    expect(found('台湾独立')).toHaveLength(1);
    expect(found('香港独立')).toHaveLength(1);
    expect(found('香港独立')).toEqual(found('香港獨立'));
    const text = found('台湾独立')[0]!;
    const [[a, b]] = highlightRanges(text, parseQuery('台湾独立')) as [[number, number]];
    expect(text.slice(a, b)).toBe('台灣獨立');
  });
});
