import { describe, expect, it } from 'vitest';
import { visibleJson } from '../../../shared/evidence/visibleJson';

describe('visibleJson', () => {
  it('escapes bidi overrides and zero-width characters, and stays JSON for the same value', () => {
    const note = { note: 'invoice\u202Egnp.exe', zw: 'a\u200Bb', rtl: 'שלום مرحبا 香港 🇭🇰' };
    const s = visibleJson(note);
    expect(s).toBe('{"note":"invoice\\u202egnp.exe","zw":"a\\u200bb","rtl":"שלום مرحبا 香港 🇭🇰"}');
    expect(JSON.parse(s)).toEqual(note);
  });

  it('keeps the joiners of emoji sequences and Persian words as they are', () => {
    const note = { family: '👨\u200D👩\u200D👧\u200D👦', fa: 'می\u200Cخواهم' };
    expect(visibleJson(note)).toBe(JSON.stringify(note));
  });
});
