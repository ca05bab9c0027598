import { describe, expect, it } from 'vitest';
import { useridSortKey } from '../../../renderer/src/views/explore/accountColumns';

describe('useridSortKey (the accounts table sorted by user id)', () => {
  it('orders numeric ids by value (string ids), then hashed ids as text', () => {
    const ids = ['vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=', '1014383617843883142', '1018492735', '25073877', '1002725821972671254', 'Ab3='];
    const sorted = [...ids].sort((a, b) => (useridSortKey(a) < useridSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['25073877', '1018492735', '1002725821972671254', '1014383617843883142', 'Ab3=', 'vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=']);
  });
});
