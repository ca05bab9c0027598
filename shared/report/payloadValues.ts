/** Reading a pinned item's payload (plain JSON of any age) without trusting its shape. */
export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
/** A value as text: '' for none, numbers and booleans as written. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
