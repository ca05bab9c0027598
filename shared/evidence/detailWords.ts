/**
 * A custody entry's detail value that is not text, a list or a group of fields, in words (the case
 * page and the report print the same): none, yes/no, the number; '' as (empty). Null for anything else.
 */
export function detailPlainWords(value: unknown): string | null {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (value === '') return '(empty)';
  return null;
}

/**
 * A key of a custody entry's detail in words, for the case page's key/value list: a camelCase or
 * snake_case key as lower-case words, the first capitalised ('pinId' → 'Pin id', 'sha256AtImport'
 * → 'SHA-256 at import', 'imported_at' → 'Imported at'). Any other key (a refusal reason such as
 * 'field-count', a name the data gave) is shown exactly as recorded.
 */
export function detailKeyWords(key: string): string {
  if (!/^[a-z][a-z0-9]*(?:_[a-z0-9]+|[A-Z][a-z0-9]*)*$/.test(key)) return key;
  const text = key.split(/_|(?=[A-Z])/).map((w) => (w.toLowerCase() === 'sha256' ? 'SHA-256' : w.toLowerCase())).join(' ');
  return text[0]!.toUpperCase() + text.slice(1);
}
