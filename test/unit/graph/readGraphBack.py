"""Independent readers (networkx + ElementTree) for exported graphs: prints one JSON document."""
import json, sys
import xml.etree.ElementTree as ET
import networkx as nx

def read(fmt, path):
  if fmt == 'graphml':
    g = nx.read_graphml(path)
    root = ET.parse(path).getroot()
    ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
    desc = root.find('g:graph/g:desc', ns).text
    graph_data = g.graph.get('analysis_receipt')
  else:
    g = nx.read_gexf(path)
    root = ET.parse(path).getroot()
    ns = {'x': 'http://gexf.net/1.3'}
    desc = root.find('x:meta/x:description', ns).text
    graph_data = None
  return {
    'directed': g.is_directed(),
    'nodes': {str(n): {k: v for k, v in a.items()} for n, a in g.nodes(data=True)},
    'edges': sorted([[str(s), str(t), {k: v for k, v in a.items() if k != 'id'}] for s, t, a in g.edges(data=True)]),
    'desc': desc,
    'graphData': graph_data,
  }

# Arguments: FORMAT PATH [FORMAT PATH ...] -> a JSON list, one entry per file (one interpreter start).
args = sys.argv[1:]
print(json.dumps([read(args[i], args[i + 1]) for i in range(0, len(args), 2)], ensure_ascii=False))
