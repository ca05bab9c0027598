import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from '../../../renderer/src/app/routes';

describe('hash routes', () => {
  it('round-trips ids with any character, and keeps a malformed segment as typed instead of throwing', () => {
    const id = 'محمد/香港 #1%';
    expect(parseHash(hrefFor('explore', 'account', id))).toEqual({ view: 'explore', rest: ['account', id] });
    expect(parseHash('#/explore/account/%E0%A4%A')).toEqual({ view: 'explore', rest: ['account', '%E0%A4%A'] });
    expect(parseHash('#/nowhere')).toEqual({ view: 'datasets', rest: [] });
  });
});
