/** The explorer's settings (./explorer.ts): the development token and examples only when given a token. */
import { describe, expect, it } from 'vitest';
import { explorerSettings } from './explorer.js';

describe('explorerSettings', () => {
  it('without a development token (production, or a configured secret): no token, no examples', () => {
    const s = explorerSettings(undefined);
    expect(s.headers).toBe('');
    expect(s.tabs).toHaveLength(1);
    expect(JSON.stringify(s)).not.toMatch(/Bearer [\w-]+\.|households/);
  });

  it('with one: the token in the headers of every example tab', () => {
    const s = explorerSettings('dev.token.here');
    expect(JSON.parse(s.headers)).toEqual({ authorization: 'Bearer dev.token.here' });
    expect(s.tabs.length).toBeGreaterThan(1);
    for (const t of s.tabs) expect(t.headers).toBe(s.headers);
    expect(s.tabs[0].query).toContain('households(');
  });
});
