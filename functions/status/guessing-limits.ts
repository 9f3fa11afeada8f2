/**
 * How many wrong access codes one client, and one application, may be tried with. A few misses are
 * free — a citizen mistypes, the page is sent again — then each further miss locks for twice as long
 * as the last, up to a cap. While locked nothing is checked, not even the right code, so guessing
 * cannot go on in the meantime. Misses are forgotten some time after the last one.
 */
export interface GuessLimit {
  missesBeforeLock: number;
  firstLockMs: number;
  maxLockMs: number;
  forgetAfterMs: number;
}

const MINUTE = 60_000;

/** Per client: generous, because many citizens may share one address (a carrier's NAT, a community centre). */
export const perClient: GuessLimit = { missesBeforeLock: 20, firstLockMs: MINUTE, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE };

/** Per application (or unknown receipt): stops guessing from many addresses at once. */
export const perApplication: GuessLimit = { missesBeforeLock: 10, firstLockMs: MINUTE, maxLockMs: 60 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE };

/** The misses counted against one client or one application, and when the last one was (epoch ms). */
export interface MissCount {
  misses: number;
  lastMissAt: number;
}

/** Misses that still count at `at`: none once they are forgotten. */
export function currentMisses(count: MissCount | undefined, limit: GuessLimit, at: number): number {
  return count && at < count.lastMissAt + limit.forgetAfterMs ? count.misses : 0;
}

/** Until when (epoch ms) nothing is checked; 0 when not locked. */
export function lockedUntil(count: MissCount | undefined, limit: GuessLimit, at: number): number {
  const misses = currentMisses(count, limit, at);
  if (!count || misses < limit.missesBeforeLock) return 0;
  return count.lastMissAt + Math.min(limit.maxLockMs, limit.firstLockMs * 2 ** (misses - limit.missesBeforeLock));
}

export function afterMiss(count: MissCount | undefined, limit: GuessLimit, at: number): MissCount {
  return { misses: currentMisses(count, limit, at) + 1, lastMissAt: at };
}

/**
 * Whom the per-client limit counts: the IPv4 address, or the /64 network of an IPv6 address (one
 * host can pick any address in its /64).
 */
export function clientOf(sourceIp: string): string {
  const ip = sourceIp.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
