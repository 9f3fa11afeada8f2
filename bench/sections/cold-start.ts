import type { measureColdStart } from '../cold-start';
import { kb, ms, num, ratio, type Section } from '../report';

/** What `measureColdStart()` (bench/cold-start.ts) returns. */
type ColdStartResult = Awaited<ReturnType<typeof measureColdStart>>;

/** The aims of the issue: every bundle at most 250 KB, every import at most 1.5× an empty handler's. */
const BUNDLE_AIM_BYTES = 250 * 1024;
const IMPORT_AIM = 1.5;

export function coldStartSection(result: ColdStartResult): Section {
  const rows = [...result.rows].sort((a, b) => b.importRatio - a.importRatio);
  const floor = result.sdkFloor;
  const overSize = rows.filter((r) => r.minifiedBytes > BUNDLE_AIM_BYTES);
  const overImport = rows.filter((r) => r.importRatio > IMPORT_AIM);
  return {
    id: 'cold-start',
    title: 'Cold start: bundles and module import',
    summary:
      `Each handler's production bundle — what a cold start loads: \`index.mjs\` and the chunks it imports, minified (and gzipped) — and the CPU time a fresh Node process takes to start and import it, median of ${result.runs} runs. ` +
      `Baselines, built and timed the same way: an empty handler (${ms(result.baselineImportMs)}), and a handler that only makes the DynamoDB document client every handler uses — the SDK's floor, ${kb(floor.minifiedBytes)} and ${ms(floor.importMs)} (${num(floor.importRatio, 2)}× the empty handler). ` +
      `Aims: every bundle ≤ 250 KB, every import ≤ ${IMPORT_AIM}× the empty handler's.`,
    tables: [
      {
        columns: ['handler', 'bundle', 'gzip', 'bundle ÷ 250 KB', 'above the SDK floor', 'import', 'import ÷ empty handler', 'import ÷ SDK floor'],
        rows: rows.map((r) => [
          r.handler,
          kb(r.minifiedBytes),
          kb(r.gzipBytes),
          ratio(r.minifiedBytes, BUNDLE_AIM_BYTES),
          kb(Math.max(0, r.minifiedBytes - floor.minifiedBytes)),
          ms(r.importMs),
          `${num(r.importRatio, 2)}×`,
          ratio(r.importMs, floor.importMs),
        ]),
      },
    ],
    notes: [
      `${overSize.length} of ${rows.length} handlers over 250 KB; ${overImport.length} of ${rows.length} over ${IMPORT_AIM}× the empty handler's import.`,
      floor.importRatio > IMPORT_AIM
        ? `The DynamoDB client alone is ${kb(floor.minifiedBytes)} and ${num(floor.importRatio, 2)}× the empty handler: the import aim of ${IMPORT_AIM}× is below what the SDK itself costs here, so no handler that reads the table can meet it; the columns against the floor show what each handler adds to it.`
        : `The DynamoDB client alone is ${kb(floor.minifiedBytes)} and ${num(floor.importRatio, 2)}× the empty handler; the columns against the floor show what each handler adds to it.`,
    ],
    data: result,
  };
}
