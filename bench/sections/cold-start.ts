import type { measureColdStart } from '../cold-start';
import { kb, ms, num, ratio, type Section } from '../report';

/** What `measureColdStart()` (bench/cold-start.ts) returns. */
type ColdStartResult = Awaited<ReturnType<typeof measureColdStart>>;

/** The aims of the issue: every bundle at most 250 KB, every import at most 1.5× an empty handler's. */
const BUNDLE_AIM_BYTES = 250 * 1024;
const IMPORT_AIM = 1.5;

export function coldStartSection(result: ColdStartResult): Section {
  const rows = [...result.rows].sort((a, b) => b.importRatio - a.importRatio);
  const over = rows.filter((r) => r.minifiedBytes > BUNDLE_AIM_BYTES || r.importRatio > IMPORT_AIM);
  return {
    id: 'cold-start',
    title: 'Cold start: bundles and module import',
    summary:
      `Each handler's production bundle (minified, and gzipped) and the time a fresh Node process takes to import it, median of ${result.runs} runs. ` +
      `Baseline: importing an empty handler the same way, ${ms(result.baselineImportMs)}. Aims: every bundle ≤ 250 KB, every import ≤ ${IMPORT_AIM}× the empty handler's.`,
    tables: [
      {
        columns: ['handler', 'bundle', 'gzip', 'bundle ÷ 250 KB', 'import', 'import ÷ empty handler'],
        rows: rows.map((r) => [r.handler, kb(r.minifiedBytes), kb(r.gzipBytes), ratio(r.minifiedBytes, BUNDLE_AIM_BYTES), ms(r.importMs), `${num(r.importRatio, 2)}×`]),
      },
    ],
    notes: [over.length ? `Over an aim: ${over.map((r) => r.handler).join(', ')}.` : `Every handler within both aims (${rows.length} handlers).`],
    data: result,
  };
}
