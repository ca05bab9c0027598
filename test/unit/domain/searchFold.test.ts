import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../shared/domain/searchFold';

/** Every code point but the surrogates, as a string. */
function* everyCharacter(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

describe('normalizeForSearch leaves invisible characters out of words', () => {
  it('drops every default-ignorable code point and tatweel, and keeps the tag characters of a flag', () => {
    const tag = (c: string) => c.codePointAt(0)! >= 0xe0020 && c.codePointAt(0)! <= 0xe007f;
    const wrong: string[] = [];
    for (const c of everyCharacter()) {
      const dropped = normalizeForSearch(`a${c}b`) === 'ab';
      const expected = (/\p{Default_Ignorable_Code_Point}/u.test(c) && !tag(c)) || c === '\u0640';
      if (dropped !== expected) wrong.push(`U+${c.codePointAt(0)!.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });
  it('a word with a zero-width space, joiner, soft hyphen, word joiner, BOM or bidi mark inside is the word', () => {
    for (const c of ['\u200b', '\u200c', '\u200d', '\u00ad', '\u2060', '\ufeff', '\u200e', '\u202e', '\u2066', '\u034f', '\u180e']) {
      expect(normalizeForSearch(`Hong${c}Kong`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('hongkong');
    }
    expect(normalizeForSearch('#free\u200bhong\u2060kong')).toBe('#freehongkong');
  });
  it('Persian and Indic words are one word with or without their joiners, so either spelling finds both', () => {
    expect(normalizeForSearch('می\u200cخواهم')).toBe(normalizeForSearch('میخواهم'));
    expect(normalizeForSearch('می\u200dخواهم')).toBe(normalizeForSearch('میخواهم'));
    expect(normalizeForSearch('क्\u200dष')).toBe(normalizeForSearch('क्ष'));
    expect(normalizeForSearch('क्\u200cष')).toBe(normalizeForSearch('क्ष'));
    // Nothing else of the word goes: the letters are all there (its yeh searched as the Arabic yeh, below).
    expect([...normalizeForSearch('می\u200cخواهم')]).toEqual([...'میخواهم'.replace('\u06cc', '\u064a')]);
  });
  it('an emoji sequence keeps its joiners and a subdivision flag its tags; a variation selector goes (❤️ is ❤)', () => {
    expect(normalizeForSearch('👩\u200d👩\u200d👧')).toBe('👩\u200d👩\u200d👧');
    expect(normalizeForSearch('👩\u200d👩\u200d👧')).not.toBe(normalizeForSearch('👩👩👧'));
    expect(normalizeForSearch('🏳\ufe0f\u200d🌈')).toBe('🏳\u200d🌈');
    const scotland = '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}';
    expect(normalizeForSearch(scotland)).toBe(scotland);
    expect(normalizeForSearch('I ❤\ufe0f HK')).toBe(normalizeForSearch('i ❤ hk'));
  });
  it('Persian yeh and keheh are the Arabic yeh and kaf: a word typed on the other keyboard finds it, letter for letter', () => {
    // ایران and کشور as Persian writes them (U+06CC, U+06A9); ايران and كشور as an Arabic keyboard types them (U+064A, U+0643).
    expect(normalizeForSearch('ایران')).toBe(normalizeForSearch('ايران'));
    expect(normalizeForSearch('#کشور_ایران')).toBe(normalizeForSearch('#كشور_ايران'));
    // One for one: highlights map back to the archived letters.
    expect(normalizeForSearch('در ایران کشور').length).toBe('در ایران کشور'.length);
    // Letters that differ stay apart: alef maqsura (على, "on") is not yeh (علي, the name).
    expect(normalizeForSearch('على')).not.toBe(normalizeForSearch('علي'));
  });
  it('keeps what it kept: apostrophes and quotes as typed on a keyboard, U+0000 between rows', () => {
    expect(normalizeForSearch('Can’t “Stop”')).toBe('can\'t "stop"');
    expect(normalizeForSearch('a\u0000b')).toBe('a\u0000b');
    expect(normalizeForSearch('Ｈｏｎｇ Kong 香港獨立')).toBe('hong kong 香港独立');
  });
});
