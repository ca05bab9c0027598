/** The values a number may take: at least (or, `above`, more than) `min`, at most `max`, whole when `integer`. */
export interface NumberRange {
  min: number;
  max?: number;
  above?: boolean;
  integer?: boolean;
}

export const inRange = (n: number, r: NumberRange): boolean =>
  Number.isFinite(n) && (!r.integer || Number.isInteger(n)) && (r.above ? n > r.min : n >= r.min) && (r.max === undefined || n <= r.max);
