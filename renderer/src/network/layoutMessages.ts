/** Layout worker protocol: indices into the node list, positions back as x,y pairs. */
export interface LayoutRequest {
  nodeCount: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float32Array;
  iterations: number;
  seed: number;
}

export type LayoutReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; xy: Float32Array; millis: number }
  | { type: 'error'; message: string };
