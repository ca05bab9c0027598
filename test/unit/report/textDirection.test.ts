import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../shared/domain/textDirection';

describe('textDirection', () => {
  it('takes the first letter outside a leading RT, @mentions, #hashtags and URLs', () => {
    expect(textDirection('RT @ar_user1: مرحبا بالعالم https://t.co/x')).toBe('rtl');
    expect(textDirection('@someone #tag https://example.org/a שלום עולם')).toBe('rtl');
    expect(textDirection('RT @user: 香港 加油')).toBe('ltr');
    expect(textDirection('#هونغ_كونغ hello world')).toBe('ltr');
    expect(textDirection('Hello مرحبا')).toBe('ltr');
    expect(textDirection('سلام دنیا 🌍')).toBe('rtl');
    expect(textDirection('RTL is a word')).toBe('ltr');
    expect(textDirection('RT: مرحبا')).toBe('rtl');
    expect(textDirection('pic.twitter.com/abc مرحبا')).toBe('rtl');
    expect(textDirection('www.example.com שלום')).toBe('rtl');
  });

  it("is 'auto' when nothing but tokens, digits, emoji and punctuation remain", () => {
    expect(textDirection('@a #b https://t.co/c 123 🦜!')).toBe('auto');
    expect(textDirection('')).toBe('auto');
  });
});
