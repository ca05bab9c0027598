import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../shared/domain/searchFold';

/** Every code point but the surrogates, as a string. */
function* everyCharacter(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

/** Tatweel, the harakat fathatan to sukun, and the superscript alef: Arabic marks search leaves out. */
const ARABIC_MARKS = ['\u0640', ...'\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652', '\u0670'];
/** Hebrew's points and cantillation marks (U+0591–U+05C7 but the punctuation maqaf, paseq, sof pasuq and nun hafukha). */
const HEBREW_MARKS = Array.from({ length: 0x5c8 - 0x591 }, (_, i) => String.fromCodePoint(0x591 + i)).filter((c) => !'\u05be\u05c0\u05c3\u05c6'.includes(c));

describe('normalizeForSearch leaves invisible characters out of words', () => {
  it('drops every default-ignorable code point, tatweel and the Arabic harakat, and keeps the tag characters of a flag', () => {
    const tag = (c: string) => c.codePointAt(0)! >= 0xe0020 && c.codePointAt(0)! <= 0xe007f;
    const wrong: string[] = [];
    for (const c of everyCharacter()) {
      const dropped = normalizeForSearch(`a${c}b`) === 'ab';
      const expected = (/\p{Default_Ignorable_Code_Point}/u.test(c) && !tag(c)) || [...c.normalize('NFKC')].every((m) => ARABIC_MARKS.includes(m) || HEBREW_MARKS.includes(m)); // and their presentation forms (U+FE71 is tatweel + fathatan)
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
  });
  it('Arabic letters written in more than one way are one letter, and harakat are left out, as Lucene folds them', () => {
    const same = (a: string, b: string) => expect(normalizeForSearch(a), `${a} / ${b}`).toBe(normalizeForSearch(b));
    // Alef with hamza below, above, madda, and alef wasla are the bare alef.
    same('إيران', 'ايران');
    same('أحمد', 'احمد');
    same('آمن', 'امن');
    same('ٱلله', 'الله');
    // Teh marbuta is heh: مدرسة is often written مدرسه.
    same('مدرسة', 'مدرسه');
    same('#الجزيرة', '#الجزيره');
    // Alef maqsura is yeh: Egyptian writing ends في and علي with ى.
    same('فى', 'في');
    same('على', 'علي');
    // Tatweel, harakat (fatha, damma, kasra, shadda, sukun, tanween) and the superscript alef go.
    same('تـــويتر', 'تويتر');
    same('مُحَمَّد', 'محمد');
    same('شُكْرًا', 'شكرا');
    same('هٰذا', 'هذا');
    // Persian and Arabic spellings of one word meet: ی, ک, the alef forms and the ending.
    same('ایران', 'إيران');
    // One for one where a letter is replaced: highlights map back to the archived letters.
    const text = 'إيران في مدرسة أحمد، على ٱلطريق';
    expect(normalizeForSearch(text).length).toBe(text.length);
    // Letters that are not forms of one another stay apart: hamza on waw or yeh, the lone hamza, heh and teh.
    for (const [a, b] of [['مسؤول', 'مسوول'], ['رئيس', 'رييس'], ['سماء', 'سما'], ['بنت', 'بنه']]) expect(normalizeForSearch(a)).not.toBe(normalizeForSearch(b));
  });
  it('Persian heh with yeh above (ۀ) and the heh with a hamza above (هٔ, ه‌ٔ), the ezafe, are the heh, as Lucene\'s PersianNormalizer folds them', () => {
    const heh = normalizeForSearch('خانه');
    // خانۀ (U+06C0), خانهٔ (U+0647 U+0654), خانه‌ٔ (a non-joiner between): one word, the house of ….
    for (const ezafe of ['خانۀ', 'خانه\u0654', 'خانه\u200c\u0654']) expect(normalizeForSearch(ezafe), [...ezafe].map((c) => c.codePointAt(0)!.toString(16)).join(' ')).toBe(heh);
    expect(normalizeForSearch('در خانۀ ما و خانهٔ شما')).toBe(normalizeForSearch('در خانه ما و خانه شما'));
    // As a decomposed ۀ (U+06D5 U+0654, which NFKC composes) and in a hashtag.
    expect(normalizeForSearch('خان\u06d5\u0654')).toBe(heh);
    expect(normalizeForSearch('#مدرسۀ_ما')).toBe(normalizeForSearch('#مدرسه_ما'));
    // One for one for ۀ, so highlights map back; the hamza above stays where NFKC made it a letter (أ ؤ ئ) and after any other letter.
    expect(normalizeForSearch('خانۀ').length).toBe(4);
    expect(normalizeForSearch('رئيس')).not.toBe(normalizeForSearch('رييس'));
    expect(normalizeForSearch('ب\u0654')).toBe('ب\u0654');
  });
  it('Hebrew with its vowel points (niqqud), dots and cantillation marks is the plain spelling; its punctuation and letters stay', () => {
    const same = (a: string, b: string) => expect(normalizeForSearch(a), `${a} / ${b}`).toBe(normalizeForSearch(b));
    same('שָׁלוֹם', 'שלום');
    same('יְרוּשָׁלַיִם', 'ירושלים');
    same('#שָׁלוֹם_עַכְשָׁיו', '#שלום_עכשיו');
    // A presentation form (שׁ U+FB2A, NFKC's shin with its dot) and a verse's cantillation (U+0591 etnahta, U+05A5 merkha).
    same('\ufb2aלום', 'שלום');
    same('בְּרֵאשִׁ֖ית בָּרָ֣א', 'בראשית ברא');
    // The maqaf (a hyphen) and sof pasuq are punctuation: kept.
    expect(normalizeForSearch('בית־ספר')).toBe('בית־ספר');
    expect(normalizeForSearch('ארץ׃')).toBe('ארץ׃');
    expect(normalizeForSearch('שלום')).not.toBe(normalizeForSearch('שלוס'));
  });
  it('Urdu\'s heh goal with hamza above (ۂ, ہ‌ٔ), the ezafe on a word ending in heh goal, is the heh goal; the heh goal stays apart from the Arabic heh', () => {
    const walida = normalizeForSearch('والدہ');
    // والدۂ (U+06C2), والدۂ decomposed (U+06C1 U+0654, which NFKC composes), والدہ‌ٔ (a non-joiner between): mother of ….
    for (const ezafe of ['والد\u06c2', 'والد\u06c1\u0654', 'والد\u06c1\u200c\u0654']) expect(normalizeForSearch(ezafe), [...ezafe].map((c) => c.codePointAt(0)!.toString(16)).join(' ')).toBe(walida);
    expect(normalizeForSearch('#والدۂ_محترمہ')).toBe(normalizeForSearch('#والدہ_محترمہ'));
    expect(normalizeForSearch('والد\u06c2').length).toBe(5);
    expect(normalizeForSearch('والدہ')).not.toBe(normalizeForSearch('والده'));
  });
  it('keeps what it kept: apostrophes and quotes as typed on a keyboard, U+0000 between rows', () => {
    expect(normalizeForSearch('Can’t “Stop”')).toBe('can\'t "stop"');
    expect(normalizeForSearch('a\u0000b')).toBe('a\u0000b');
    expect(normalizeForSearch('Ｈｏｎｇ Kong 香港獨立')).toBe('hong kong 香港独立');
  });
});
