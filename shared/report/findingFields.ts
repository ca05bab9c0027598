/**
 * A pinned finding (a search, an edge, a post pair) as fields a reader can scan: nested objects and
 * arrays flattened to dotted paths, strings printed as they are (line breaks, scripts, direction),
 * numbers and booleans as text. Long lists are cut, saying how many fields were left out; the
 * bundle's pinned-items.json keeps everything.
 */
export function findingFields(value: unknown, maxFields = 200): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let omitted = 0;
  const walk = (v: unknown, path: string): void => {
    if (v === null || v === undefined || v === '') return;
    if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) {
      if (v.length) add(path, v.map(String).join(', '));
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    else add(path, String(v));
  };
  const add = (k: string, v: string) => (out.length < maxFields ? out.push([k, v]) : omitted++);
  walk(value, '');
  if (omitted) out.push(['…', `${omitted} more fields in the bundle's data/derived/pinned-items.json`]);
  return out;
}
