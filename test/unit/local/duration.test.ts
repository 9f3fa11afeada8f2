import { describe, expect, it } from 'vitest';
import { parseAdvance } from '../../../infra/local/duration';

describe('parseAdvance', () => {
  it.each([
    ['+30d', 30 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['+90m', 90 * 60_000],
    ['+45s', 45_000],
    ['+2w', 14 * 86_400_000],
    ['+1.5d', 1.5 * 86_400_000],
  ])('reads %s', (text, ms) => {
    expect(parseAdvance(text)).toBe(ms);
  });

  it.each(['', '30', '-3d', '+3y', 'tomorrow'])('refuses %j with the accepted forms', (text) => {
    expect(() => parseAdvance(text)).toThrow(/use \+30d/);
  });
});
