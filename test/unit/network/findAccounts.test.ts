import { describe, expect, it } from 'vitest';
import { findAccounts } from '../../../renderer/src/network/findAccounts';
import type { NetNode } from '../../../renderer/src/network/networkModel';

const node = (id: string, screenName: string, displayName = ''): NetNode => ({
  id, label: screenName, screenName, displayName, external: false, posts: 1, community: 0, degree: 1, weightedDegree: 1, pagerank: 0, betweenness: 0, core: 1,
});
const nodes = [node('1002725821972671254', 'hk43327', '香港人'), node('vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=', 'vMm2zem', 'مريم'), node('2', 'HKnews')];
const ids = (q: string) => findAccounts(nodes, q).map((n) => n.screenName);

describe('findAccounts (the Network view\'s Find)', () => {
  it('finds by exact id, by part of a screen or display name, with or without @, in any case and width', () => {
    expect(ids('1002725821972671254')).toEqual(['hk43327']);
    expect(ids('100272582197267125')).toEqual([]); // ids match whole
    expect(ids('hk43327')).toEqual(['hk43327']);
    expect(ids('@hk43327')).toEqual(['hk43327']);
    expect(ids('ｈｋ４３３２７')).toEqual(['hk43327']);
    expect(ids(' HK ')).toEqual(['hk43327', 'HKnews']);
    expect(ids('香港')).toEqual(['hk43327']);
    expect(ids('مريم')).toEqual(['vMm2zem']);
    expect(ids('vmm2zemfof7kmxodyx24bo+torqhnutpzlatyyxse=')).toEqual(['vMm2zem']); // case-insensitive, as search
  });
  it('finds nothing for an empty query or a lone @', () => {
    expect(ids('')).toEqual([]);
    expect(ids('  ')).toEqual([]);
    expect(ids('@')).toEqual([]);
  });
});
