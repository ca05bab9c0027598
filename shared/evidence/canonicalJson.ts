/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code unit order (JS default sort),
 * no whitespace, JSON.stringify escaping for strings; only finite numbers; no undefined values.
 * (The RFC 8785 subset that our data uses: strings, integers, booleans, null, arrays, objects.)
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    const parts: string[] = [];
    for (const k of keys) {
      if (obj[k] === undefined) throw new Error(`canonical JSON: key '${k}' is undefined`);
      parts.push(`${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
    }
    return `{${parts.join(',')}}`;
  }
  throw new Error(`canonical JSON: unsupported value of type ${typeof value}`);
}
