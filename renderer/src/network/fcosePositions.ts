/// <reference path="./fcose.d.ts" />
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { EdgeSpec } from './drawnEdges';

cytoscape.use(fcose);

/**
 * Small graphs: fcose needs the edges, which the drawn Cytoscape does not hold (see EdgeLayer), so it
 * runs on a headless instance with the nodes' sizes and the edges, and each node definition gets its
 * position (in place), to be drawn as a preset layout.
 */
export function placeWithFcose(nodes: cytoscape.ElementDefinition[], edges: readonly EdgeSpec[]): void {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true, // fcose keeps nodes apart by their size
    style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }],
    elements: [
      ...nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.data.id, size: n.data.size } })),
      ...edges.map((e) => ({ group: 'edges' as const, data: { id: 'e' + e.index, source: e.source, target: e.target } })),
    ],
  });
  cy.layout({ name: 'fcose', animate: false, randomize: true, quality: 'default', fit: false } as cytoscape.LayoutOptions).run();
  const at = new Map(cy.nodes().map((n) => [n.id(), n.position()] as const));
  for (const n of nodes) n.position = { ...at.get(String(n.data.id))! };
  cy.destroy();
}
