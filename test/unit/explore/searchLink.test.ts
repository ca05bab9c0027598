import { describe, expect, it } from 'vitest';
import { parseHash } from '../../../renderer/src/app/routes';
import { searchLink, searchLinkFields } from '../../../renderer/src/views/explore/searchLink';

describe('links to Search', () => {
  it('carry the account, the hashtag and the days through the URL hash, in any script', () => {
    const fields = { hashtag: '香港', from: '2019-06-01', to: '2019-06-30', account: 'tJqOl2iEBWL3JWJVmogkasl3C+6FOX7w7jM1JhzJQxA=' };
    const route = parseHash(searchLink(fields));
    expect(route.view).toBe('explore');
    expect(route.rest[0]).toBe('search');
    expect(searchLinkFields(route.rest.slice(1))).toEqual(fields);
  });

  it('give nothing for a bare search, and ignore names they do not know', () => {
    expect(searchLinkFields([])).toBeUndefined();
    expect(searchLinkFields(['query', 'x'])).toBeUndefined();
    expect(searchLinkFields(['hashtag', 'hk', 'query', 'x'])).toEqual({ hashtag: 'hk' });
  });
});
