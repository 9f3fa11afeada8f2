import { describe, expect, it } from 'vitest';
import { afterMiss, clientOf, lockedUntil, perApplication, perClient, type MissCount } from '../../../functions/status/guessing-limits';

const MINUTE = 60_000;

function missesAt(times: number[], limit = perApplication): MissCount | undefined {
  let count: MissCount | undefined;
  for (const at of times) count = afterMiss(count, limit, at);
  return count;
}

describe('guessing limits', () => {
  it('never locks for the free misses (a typo, a resent page)', () => {
    const t0 = 1_000_000_000;
    const count = missesAt(Array.from({ length: perApplication.missesBeforeLock - 1 }, (_, i) => t0 + i));
    expect(lockedUntil(count, perApplication, t0 + 100)).toBe(0);
  });

  it('locks after the last free miss, and twice as long after each further miss, up to the cap', () => {
    const t0 = 1_000_000_000;
    let count = missesAt(Array.from({ length: perApplication.missesBeforeLock }, () => t0));
    expect(lockedUntil(count, perApplication, t0)).toBe(t0 + MINUTE);
    count = afterMiss(count, perApplication, t0 + MINUTE);
    expect(lockedUntil(count, perApplication, t0 + MINUTE)).toBe(t0 + 3 * MINUTE);
    for (let i = 0; i < 20; i++) count = afterMiss(count, perApplication, t0);
    expect(lockedUntil(count, perApplication, t0)).toBe(t0 + perApplication.maxLockMs);
  });

  it('forgets misses some time after the last one', () => {
    const t0 = 1_000_000_000;
    const count = missesAt(Array.from({ length: 30 }, () => t0), perClient);
    expect(lockedUntil(count, perClient, t0 + perClient.forgetAfterMs)).toBe(0);
    expect(afterMiss(count, perClient, t0 + perClient.forgetAfterMs).misses).toBe(1);
  });

  it('counts an IPv4 client by its address and an IPv6 client by its /64', () => {
    expect(clientOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('2001:db8:0:12:aaaa::1')).toBe('2001:db8:0:12::/64');
    expect(clientOf('2001:DB8:0000:0012:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:12::/64');
    expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1')).toBe('0:0:0:0::/64');
  });
});
