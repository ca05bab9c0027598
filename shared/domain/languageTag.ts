/** Twitter's legacy codes for languages that have newer BCP 47 tags. */
const LEGACY: Record<string, string> = { iw: 'he', in: 'id', ji: 'yi' };

/**
 * The `lang` attribute for a tweet's archived language, so fonts and line breaking follow it
 * (Japanese kanji drawn as Japanese, not Chinese). None for 'und', empty or malformed values.
 */
export function languageTag(lang: string): string | undefined {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) || lang === 'und') return undefined;
  const [base, ...rest] = lang.split('-');
  return [LEGACY[base!.toLowerCase()] ?? base, ...rest].join('-');
}
