import { describe, expect, it } from 'vitest';
import { searchRows, searchText } from '../../../renderer/src/import/searchRows';

describe('searchRows', () => {
  const rows = ['domain_name\nＨＫ-news[.]com\nFrance-targeting CIB domain', 'cib_url\nexample[.]org\n香港 警察'].map((s, i) => ({ i, text: searchText([s]) }));
  it('keeps the rows containing every word, after NFKC and lower-casing on both sides', () => {
    expect(searchRows(rows, 'hk-news FRANCE').map((r) => r.i)).toEqual([0]);
    expect(searchRows(rows, '香港').map((r) => r.i)).toEqual([1]);
    expect(searchRows(rows, 'cib').map((r) => r.i)).toEqual([0, 1]);
    expect(searchRows(rows, '  ').map((r) => r.i)).toEqual([0, 1]);
    expect(searchRows(rows, 'cib nowhere')).toEqual([]);
  });
});
