import { describe, expect, it } from 'vitest';
import { detailKeyWords } from '../../../shared/evidence/detailWords';
import { visibleText } from '../../../shared/evidence/visibleJson';
import { EVIDENCE_KIND_LABELS, evidenceKindLabel } from '../../../shared/evidence/evidenceKinds';

describe('a custody detail in words', () => {
  it('says camelCase and snake_case keys as words, and leaves any other key as recorded', () => {
    expect(['pinId', 'fileSha256', 'sha256AtImport', 'custodyHead', 'imported_at', 'format_version', 'note', 'sha256'].map(detailKeyWords))
      .toEqual(['Pin id', 'File SHA-256', 'SHA-256 at import', 'Custody head', 'Imported at', 'Format version', 'Note', 'SHA-256']);
    // A refusal reason counted by an import, a key with a space or a capital first: exactly as recorded.
    expect(['field-count', 'invalid-utf8', 'a b', 'Name', '_x', 'x__y'].map(detailKeyWords)).toEqual(['field-count', 'invalid-utf8', 'a b', 'Name', '_x', 'x__y']);
  });

  it('escapes invisible characters of a text as visibleJson does, without the quotes', () => {
    expect(visibleText('invoice\u202Egnp.exe')).toBe('invoice\\u202egnp.exe');
    expect(visibleText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });
});

describe('evidence kinds in words', () => {
  it('names every kind in words, and a kind it does not know as recorded', () => {
    expect(['interaction-edge', 'coordination-edge', 'search', 'tweet', 'account', 'network'].map(evidenceKindLabel))
      .toEqual(['Interaction edge', 'Coordination edge', 'Search', 'Tweet', 'Account', 'Network view']);
    expect(Object.values(EVIDENCE_KIND_LABELS).filter((label) => !/^[A-Z][a-z]+( [a-z]+)?$/.test(label))).toEqual([]);
    // 'toString' is not taken from Object's prototype.
    expect(['hologram', 'toString'].map(evidenceKindLabel)).toEqual(['hologram', 'toString']);
  });
});
