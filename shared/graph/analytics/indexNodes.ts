import type Graph from 'graphology';

/** The graph's nodes and each one's position among them: the typed-array algorithms' node numbering. */
export function indexNodes(graph: Graph): { nodes: string[]; index: Map<string, number> } {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i]!, i);
  return { nodes, index };
}
