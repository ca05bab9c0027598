import { describe, expect, it } from 'vitest';
import { htmlWithIsolatedTokens, isolatedTokens } from '../../../shared/domain/textTokens';
import { languageTag } from '../../../shared/domain/languageTag';
import { escapeHtml } from '../../../shared/report/escapeHtml';

describe('tokens isolated in right-to-left text', () => {
  it('finds @mentions (hashed ones too), #hashtags in any script and URLs, and nothing else', () => {
    const text = 'שלום @ar_user1 #חדשות https://t.co/x1 a@b — @AbC+dEf=/x ١٤٠٢ #香港 mail';
    const tokens = isolatedTokens(text).map(([a, b]) => text.slice(a, b));
    expect(tokens).toEqual(['@ar_user1', '#חדשות', 'https://t.co/x1', '@b', '@AbC+dEf=/x', '#香港']);
    expect(isolatedTokens('no tokens here, just text')).toEqual([]);
    // A retweet's prefix is one unit; a later "RT @x:" is not a prefix.
    const rt = 'RT @akhbar_2019: لا إله @b RT @c: x';
    expect(isolatedTokens(rt).map(([a, b]) => rt.slice(a, b))).toEqual(['RT @akhbar_2019:', '@b', '@c']);
  });

  it('writes each token in <bdi>, the rest escaped, and the text is unchanged', () => {
    const text = 'مرحبا @he_user2 <b> #وسم';
    const html = htmlWithIsolatedTokens(text, escapeHtml);
    expect(html).toBe('مرحبا <bdi>@he_user2</bdi> &lt;b&gt; <bdi>#وسم</bdi>');
    expect(html.replace(/<\/?bdi>/g, '').replace('&lt;', '<').replace('&gt;', '>')).toBe(text);
  });
});

describe('languageTag', () => {
  it("maps Twitter's legacy codes and drops what is no language", () => {
    expect(['ja', 'iw', 'in', 'zh-cn', 'und', '', 'x y', 'pt-BR'].map(languageTag)).toEqual(['ja', 'he', 'id', 'zh-cn', undefined, undefined, undefined, 'pt-BR']);
  });
});
