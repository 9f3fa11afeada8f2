import { matchingFigures } from '../matching';
import { ms, num, percent, ratio, seconds, type Section } from '../report';

const int = (n: number) => num(n, 0);

/**
 * `npm run bench -- matching`: the waitlist batch (functions/matching/waitlist/) against the optimum
 * HiGHS computes independently on the same instance, at 1,000 × 100 and 10,000 × 1,000.
 */
export async function matchingSection(): Promise<Section[]> {
  const figures = await matchingFigures();
  return [
    {
      id: 'matching',
      title: 'Matching: the waiting list batch',
      summary:
        'The batch that assigns free places to waiting applications (priority rank first, then total match quality), on generated instances (seed 7) scored by the real ' +
        'scoring module. Baseline: the optimum of the same instance computed by HiGHS (simplex, interior point) on the class-aggregated LP, lexicographic by stages.',
      tables: [
        {
          columns: ['instance', 'batch (median of 3)', 'HiGHS', 'batch ÷ HiGHS', 'total quality', 'optimum', 'quality ÷ optimum'],
          rows: figures.map((f) => [
            `${int(f.applications)} waiting × ${int(f.counsellors)} counsellors, ${int(f.freePlaces)} free places`,
            ms(f.medianMs.total),
            seconds(f.optimum.ms / 1000),
            ratio(f.medianMs.total, f.optimum.ms),
            int(f.quality),
            int(f.optimum.quality),
            percent(f.optimum.quality === 0 ? 1 : f.quality / f.optimum.quality),
          ]),
        },
        {
          caption: 'Placed per priority rank, batch against optimum:',
          columns: ['instance', 'rank', 'waiting', 'placed', 'optimum', 'placed ÷ optimum'],
          rows: figures.flatMap((f) =>
            f.placedByRank.map((r) => [`${int(f.applications)} × ${int(f.counsellors)}`, r.rank, int(r.waiting), int(r.placed), int(r.optimum), ratio(r.placed, r.optimum)]),
          ),
        },
        {
          caption: 'Inside the batch (median run):',
          columns: ['instance', 'network', 'ranks (max flow)', 'quality (network simplex)', 'pivots', 'nodes', 'arcs'],
          rows: figures.map((f) => [
            `${int(f.applications)} × ${int(f.counsellors)}`,
            ms(f.medianMs.network),
            ms(f.medianMs.ranks),
            ms(f.medianMs.quality),
            int(f.pivots),
            int(f.network.nodes),
            int(f.network.arcs),
          ]),
        },
      ],
      notes: [
        `HiGHS ${figures[0]?.optimum.highs}: ranks by interior point with crossover (the degenerate max-flow stages stall the simplex), quality by dual simplex; its time is the solver's, the batch's is the whole assignment.`,
        'The 10,000 × 1,000 instance is the matching issue\'s figure; MATCHING_SCORER=stand-in scores with the tests\' small stand-in instead.',
      ],
      data: figures,
    },
  ];
}
