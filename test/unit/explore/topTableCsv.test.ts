import { describe, expect, it } from 'vitest';
import { splitCsvBytes } from '../../../shared/archive/csvRecords';
import { foldCounts } from '../../../shared/domain/foldedCounts';
import { foldCase } from '../../../shared/domain/foldCase';
import { topTableCsv } from '../../../renderer/src/views/explore/TopTable';

const read = (csv: string) => splitCsvBytes([new TextEncoder().encode(csv)]).map((r) => r.fields);

describe('a top table as CSV', () => {
  it('lists every row in the table order, with the spellings folded into it', () => {
    const rows = foldCounts({ HongKong: 5, hongkong: 3, 香港: 4, 'a"b': 1 }, foldCase);
    expect(read(topTableCsv(rows))).toEqual([
      ['value', 'count', 'spellings'],
      ['HongKong', '8', '[["HongKong",5],["hongkong",3]]'],
      ['香港', '4', '[["香港",4]]'],
      ['a"b', '1', '[["a\\"b",1]]'],
    ]);
  });

  it('names accounts by their key and, when archived, their screen name', () => {
    const rows = foldCounts({ '1180': 4, '@outsider': 2 });
    expect(read(topTableCsv(rows, (k) => (k === '1180' ? 'HKpolice' : '')))).toEqual([
      ['account', 'user_screen_name', 'count', 'spellings'],
      ['1180', 'HKpolice', '4', '[["1180",4]]'],
      ['@outsider', '', '2', '[["@outsider",2]]'],
    ]);
  });
});
