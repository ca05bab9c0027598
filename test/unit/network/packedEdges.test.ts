import { describe, expect, it } from 'vitest';
import { packEdges, packedEdgeAt, type PackedEdges } from '../../../renderer/src/network/packedEdges';
import type { NetEdge } from '../../../renderer/src/network/networkModel';

describe('plain edges packed for the move from the analysis worker', () => {
  it('come back as the same edges; coordination edges are not packed', () => {
    const edges: NetEdge[] = [
      { index: 0, source: '1', target: '@外部', weight: 3, directed: true },
      { index: 1, source: '@外部', target: 'vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=', weight: 1.5, directed: true },
      { index: 2, source: '1', target: '1', weight: 1, directed: true },
    ];
    const p = packEdges(edges)!;
    expect(p.ids).toEqual(['1', '@外部', 'vMm2zemFOF7kmXoDyX24Bo+TorqhNutpZlATYyxsE=']);
    const unpack = (q: PackedEdges) => Array.from(q.weight, (_, i) => packedEdgeAt(q, i));
    expect(unpack(structuredClone(p))).toEqual(edges);
    expect(packEdges([{ ...edges[0]!, pValue: 0.01, significant: true, pairs: [] }])).toBeNull();
    expect(unpack(packEdges([])!)).toEqual([]);
  });
});
