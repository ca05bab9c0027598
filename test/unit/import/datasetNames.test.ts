import { describe, expect, it } from 'vitest';
import { inDatasets } from '../../../shared/archive/datasetNames';

describe('dataset names in the "already imported" messages', () => {
  it('quotes each dataset, singular for one, "and" before the last (QA: "users, t2019_31, t2018_31" read as one dataset)', () => {
    expect(inDatasets(['china_082019_1'])).toBe('dataset “china_082019_1”');
    expect(inDatasets(['a', 'a'])).toBe('dataset “a”');
    expect(inDatasets(['users', 't2019_31'])).toBe('datasets “users” and “t2019_31”');
    expect(inDatasets(['users', 't2019_31', 'users', 't2018_31'])).toBe('datasets “users”, “t2019_31” and “t2018_31”');
    expect(inDatasets(['a, b', 'c'])).toBe('datasets “a, b” and “c”');
  });
  it('isolates a right-to-left name (plain text: U+2068 … U+2069), so the commas and names after it keep their order', () => {
    expect(inDatasets(['حملة_عربية', '2019_x', 'users'])).toBe('datasets “\u2068حملة_عربية\u2069”, “2019_x” and “users”');
  });
});
