import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { LIFECYCLE_EXECUTION } from '../../test/support/case-work';
import { openReviews, stormAt8d } from '../../test/support/timer-storm';
import { startBenchCloud } from '../shared-cloud';
import { envInt, type BenchContext } from '../context';
import { percentile } from '../load';
import { ms, num, ratio, seconds, type Section } from '../report';

/**
 * `npm run bench -- timer-storm`: on a cloud of its own, STORM_APPLICATIONS (default 200) applications
 * awaiting review, then `+8d` fires every review's heartbeat at once. Baseline: DescribeExecution
 * of the same executions at rest, before the storm.
 */
export async function timerStormSection(ctx: BenchContext): Promise<Section[]> {
  const applications = envInt('STORM_APPLICATIONS', 200);
  const cloud = await startBenchCloud('bench-storm');
  try {
    const { clients } = cloud;
    ctx.log(`timer-storm: ${applications} applications to review`);
    const started = performance.now();
    const ids = await openReviews(clients, applications, 16);
    const openSeconds = (performance.now() - started) / 1000;
    const atRest: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      await clients.sfn.send(new DescribeExecutionCommand({ executionArn: LIFECYCLE_EXECUTION(ids[i % ids.length]!) }));
      atRest.push(performance.now() - t);
    }
    ctx.log('timer-storm: +8d');
    const storm = await stormAt8d(clients, ids);
    const during = storm.describeDuringStorm;
    const restP50 = percentile(atRest, 50);
    const restP95 = percentile(atRest, 95);
    return [
      {
        id: 'timer-storm',
        title: 'Timer storm',
        summary:
          `${applications} applications awaiting review (${seconds(openSeconds)} to submit and open them), then the clock jumps \`+8d\`: every review's 7-day heartbeat fires at once and each task escalates. ` +
          'Meanwhile the Step Functions API is asked about the executions, one call after another. Baseline: the same DescribeExecution calls at rest, before the jump.',
        tables: [
          {
            columns: ['', 'calls', 'p50', 'p95', 'max', 'p95 ratio to rest'],
            rows: [
              ['DescribeExecution at rest (baseline)', atRest.length, ms(restP50), ms(restP95), ms(Math.max(...atRest)), '1.00×'],
              ['DescribeExecution during the storm', during.length, ms(percentile(during, 50)), ms(percentile(during, 95)), ms(during.length ? Math.max(...during) : Number.NaN), ratio(percentile(during, 95), restP95)],
            ],
          },
          {
            columns: ['timers fired', 'drained in', 'escalations per second'],
            rows: [[storm.drain.fired, seconds(storm.drain.seconds), num(storm.drain.fired / storm.drain.seconds, 1)]],
          },
        ],
        notes: ['STORM_APPLICATIONS=11000 reproduces the 11,000-task storm of issue 6 (allow an hour).'],
        data: { applications, openSeconds, atRest, storm },
      },
    ];
  } finally {
    await cloud.dispose();
  }
}
