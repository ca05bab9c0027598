/**
 * How a network builder says how far it is: `done` of `total` `unit` in the named phase. Builders
 * call it at a phase's start and end and every few thousand steps between (a call per row would
 * cost more than the row); whoever listens throttles what it shows (the analysis worker: ~5 a second).
 */
export type BuildProgress = (phase: string, done: number, total: number, unit: string) => void;

/** Steps between two calls inside a loop: a power of two, checked with a mask. */
export const PROGRESS_EVERY = 4096;
