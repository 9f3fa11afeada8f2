/**
 * `npm run bench` — the figures behind Dolbom's claims, measured side by side in one run, printed and
 * written to bench/results/latest.md and latest.json; never asserted. How to read and rerun them:
 * bench/README.md.
 *
 * `npm run bench -- submission lifecycle` runs only the named sections (written to
 * bench/results/partial.md and .json, so the committed full report stays whole).
 */
import path from 'node:path';
import { measureColdStart } from './cold-start';
import { envInt, type BenchContext, type SectionRunner } from './context';
import { coldStartSection } from './sections/cold-start';
import { cpuSecondsUsed, machineFacts, reportMarkdown, writeReport, type Report, type Section } from './report';
import { guessingSection } from './sections/guessing';
import { lifecycleAndCost } from './sections/lifecycle';
import { matchingSection } from './sections/matching';
import { startSection } from './sections/start';
import { submissionSection } from './sections/submission';
import { synthSection } from './sections/synth';
import { timerStormSection } from './sections/timer-storm';
import { SharedCloud } from './shared-cloud';

// Node 20 is supported for local work; the SDK's upgrade notice is noise in a report.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = path.resolve(import.meta.dirname, '..');
const shared = new SharedCloud();

/**
 * The sections, in the order they run. The plain local cloud is shared by start, submission and
 * guessing; the lifecycle (with its cost) and the timer storm each start their own.
 */
const sections: Record<string, SectionRunner> = {
  synth: synthSection,
  'cold-start': async () => [coldStartSection(await measureColdStart({ runs: envInt('BENCH_COLD_START_RUNS', 5) }))],
  start: () => startSection(shared),
  submission: (ctx) => submissionSection(shared, ctx),
  guessing: () => guessingSection(shared),
  lifecycle: lifecycleAndCost,
  'timer-storm': timerStormSection,
  matching: matchingSection,
};
/** `cost` is measured with the lifecycle. */
const aliases: Record<string, string> = { cost: 'lifecycle' };
/** The sections that need the shared cloud, after which it is stopped. */
const sharedCloudUsers = ['start', 'submission', 'guessing'];

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in sections) && !(name in aliases));
if (unknown.length) {
  console.error(`Unknown section ${unknown.join(', ')}. Sections: ${[...Object.keys(sections), ...Object.keys(aliases)].join(', ')}.`);
  process.exit(2);
}
const wanted = new Set(chosen.map((name) => aliases[name] ?? name));
const runs = (id: string) => wanted.size === 0 || wanted.has(id);

const ctx: BenchContext = { root, log: (line) => console.log(line) };
const machine = machineFacts(root);
const report: Report = { machine, chosen, seconds: 0, sections: [], failures: [] };
const began = performance.now();
console.log(`Dolbom figures: ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, load ${machine.loadAverageAtStart}\n`);

for (const [id, run] of Object.entries(sections)) {
  if (!runs(id)) continue;
  const started = performance.now();
  ctx.log(`— ${id}`);
  try {
    const produced: Section[] = await run(ctx);
    const secondsTaken = (performance.now() - started) / 1000;
    for (const section of produced) report.sections.push({ ...section, seconds: secondsTaken / produced.length });
  } catch (error) {
    console.error(error);
    report.failures.push({ id, error: (error as Error).message.split('\n')[0]! });
  }
  // The shared cloud stops once no later section needs it.
  const later = Object.keys(sections).slice(Object.keys(sections).indexOf(id) + 1);
  if (!later.some((s) => sharedCloudUsers.includes(s) && runs(s))) await shared.dispose();
}
await shared.dispose();

report.seconds = (performance.now() - began) / 1000;
report.cpuSeconds = cpuSecondsUsed();
const written = writeReport(report, path.join(root, 'bench', 'results'), wanted.size === 0 ? 'latest' : 'partial');
console.log(`\n${reportMarkdown(report)}`);
console.log(`Written: ${path.relative(root, written.markdown)}, ${path.relative(root, written.json)}`);
// Lingering sockets of the SDK clients would keep the process alive.
process.exit(report.failures.length ? 1 : 0);
