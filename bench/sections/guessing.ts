import { randomUUID } from 'node:crypto';
import { httpFrom, loopbackClient } from '../../test/support/http-from';
import { num, percent, ratio, type Section } from '../report';
import type { SharedCloud } from '../shared-cloud';

const FAST_SECONDS = 10;
const HOUR = 3600;

/**
 * `npm run bench -- guessing`: one client guessing access codes for receipt numbers (a new one each
 * time, so only the per-client limit applies) as fast as it can for 10 s, then — waiting out every
 * Retry-After on the local clock — over one hour. Baseline: the same client asking the gateway's
 * health route (no handler, no limit) as fast as it can.
 */
export async function guessingSection(shared: SharedCloud): Promise<Section[]> {
  const cloud = await shared.get();
  const { clients } = cloud;
  const attacker = httpFrom(cloud.process.api, loopbackClient(0));
  const chars = () => randomUUID().replace(/[^0-9a-f]/g, '').toUpperCase();
  const guess = () => attacker('POST', '/api/applications/lookup', { receiptNumber: `DB-2026-${chars().slice(0, 8)}`, accessCode: chars().slice(0, 12) });

  // Baseline: the gateway alone.
  let started = performance.now();
  let healthChecks = 0;
  while (performance.now() - started < 3_000) {
    if ((await attacker('GET', '/local/health')).status !== 200) throw new Error('health check failed');
    healthChecks++;
  }
  const healthPerSecond = healthChecks / ((performance.now() - started) / 1000);

  const counts = { checked: 0, refused: 0 };
  started = performance.now();
  while (performance.now() - started < FAST_SECONDS * 1000) {
    const { status } = await guess();
    if (status === 404) counts.checked++;
    else if (status === 429) counts.refused++;
    else throw new Error(`a guess answered ${status}`);
  }
  const elapsed = (performance.now() - started) / 1000;
  const requestsPerSecond = (counts.checked + counts.refused) / elapsed;
  const checkedPerSecond = counts.checked / elapsed;

  // The patient attacker: waits exactly as long as Retry-After says, for one hour of (local) time.
  let waited = 0;
  let checkedInHour = 0;
  if (counts.refused > 0) {
    while (waited < HOUR) {
      const answer = await guess();
      if (answer.status === 404) checkedInHour++;
      else {
        const wait = Number(answer.headers['retry-after']);
        await clients.advanceClock(`+${wait}s`);
        waited += wait;
      }
    }
  }
  return [
    {
      id: 'guessing',
      title: 'Access-code guessing',
      summary:
        'One client guessing receipt numbers and access codes on the lookup route: as fast as it can for 10 s, then waiting out every Retry-After over an hour of local time. ' +
        'Baseline: the same client on the gateway\'s health route (no handler, no limit).',
      tables: [
        {
          columns: ['', 'per second', 'ratio to the health route'],
          rows: [
            ['health route (baseline)', num(healthPerSecond, 0), '1.00×'],
            ['lookup requests, as fast as it can', num(requestsPerSecond, 0), ratio(requestsPerSecond, healthPerSecond)],
            ['  of which guesses checked (404)', num(checkedPerSecond, 2), ratio(checkedPerSecond, healthPerSecond)],
            ['guesses checked waiting out Retry-After, over one hour', num(checkedInHour / HOUR, 4), ratio(checkedInHour / HOUR, healthPerSecond)],
          ],
        },
      ],
      notes: [
        `In ${num(elapsed, 0)} s: ${counts.checked} guesses checked, ${counts.refused} refused with 429 (${percent(counts.refused / Math.max(1, counts.checked + counts.refused))}); in one patient hour ${checkedInHour} checked.`,
      ],
      data: { healthPerSecond, fast: { seconds: elapsed, ...counts }, hour: { checked: checkedInHour } },
    },
  ];
}
