/**
 * The benchmark report: sections of tables and notes, written as Markdown for people and JSON for
 * tools (`bench/results/`). A section never prints a bare figure: each table row pairs the figure
 * with the baseline measured beside it in the same run and their ratio, so a reader on another
 * machine compares ratios, not milliseconds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Cell = string | number;

export interface Table {
  /** A caption above the table (optional). */
  caption?: string;
  columns: string[];
  rows: Cell[][];
}

export interface Section {
  /** The name on the command line (`npm run bench -- submission`). */
  id: string;
  title: string;
  /** One or two sentences: what is measured and against what. */
  summary: string;
  tables: Table[];
  /** What is approximate and why; what the figures leave out. */
  notes: string[];
  /** The figures behind the tables, for the JSON report. */
  data: unknown;
  /** Real seconds the section took. */
  seconds?: number;
}

export interface MachineFacts {
  date: string;
  cores: number;
  cpuModel: string;
  node: string;
  platform: string;
  memoryGb: number;
  /** The 1-minute load average when the run began: a shared machine shows here. */
  loadAverageAtStart: number;
  commit?: string;
}

export interface Report {
  machine: MachineFacts;
  /** Sections chosen on the command line; empty means all. */
  chosen: string[];
  seconds: number;
  /**
   * CPU seconds the run used, its child processes (local clouds, DynamoDB Local, cdk) included: what
   * a quiet machine needs, whatever the load here (at least this ÷ cores of wall time).
   */
  cpuSeconds?: number;
  sections: Section[];
  /** Sections that failed, with the error. */
  failures: { id: string; error: string }[];
}

export function machineFacts(root: string): MachineFacts {
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a git checkout
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: Number(os.loadavg()[0]!.toFixed(2)),
    ...(commit ? { commit } : {}),
  };
}

/**
 * CPU seconds used so far by this process and every child it has waited for (Linux: /proc/self/stat
 * utime + stime + cutime + cstime, at 100 ticks a second); elsewhere this process's own.
 */
export function cpuSecondsUsed(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After "pid (comm) ", field 3 is the state: utime is the 14th field, so index 11 here.
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / 100;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
}

/* ---------- formatting: one place, so every section writes figures alike ---------- */

/** `1,234` / `12.3` / `0.0123`: enough digits to read, never a wall of them. */
export function num(n: number, digits?: number): string {
  if (!Number.isFinite(n)) return '–';
  const d = digits ?? (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : Math.abs(n) >= 1 ? 2 : 3);
  return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}
export const ms = (n: number) => `${num(n, n >= 100 ? 0 : 1)} ms`;
export const seconds = (n: number) => `${num(n, 1)} s`;
export const kb = (bytes: number) => `${num(bytes / 1024, 0)} KB`;
/** A ratio as `2.41×`. */
export const ratio = (value: number, baseline: number) => (baseline > 0 && Number.isFinite(value) ? `${num(value / baseline, 2)}×` : '–');
export const percent = (n: number) => `${num(100 * n, 1)} %`;

/* ---------- Markdown ---------- */

const escapeCell = (cell: Cell) => String(cell).replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(table: Table): string {
  const lines = [`| ${table.columns.map(escapeCell).join(' | ')} |`, `|${table.columns.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const row of table.rows) lines.push(`| ${row.map(escapeCell).join(' | ')} |`);
  return (table.caption ? `${table.caption}\n\n` : '') + lines.join('\n');
}

export function sectionMarkdown(section: Section): string {
  const parts = [`## ${section.title}`, section.summary, ...section.tables.map(markdownTable)];
  if (section.notes.length) parts.push(section.notes.map((n) => `- ${n}`).join('\n'));
  if (section.seconds !== undefined) parts.push(`<sub>section \`${section.id}\`: ${seconds(section.seconds)} of real time</sub>`);
  return parts.join('\n\n');
}

export function reportMarkdown(report: Report): string {
  const m = report.machine;
  const head = [
    '# Dolbom figures',
    `\`npm run bench${report.chosen.length ? ` -- ${report.chosen.join(' ')}` : ''}\` on ${m.date.slice(0, 10)}: ${m.cores} cores (${m.cpuModel}), ` +
      `${m.memoryGb} GB, Node ${m.node}, ${m.platform}${m.commit ? `, commit ${m.commit}` : ''}; load average ${m.loadAverageAtStart} at the start; ` +
      `${seconds(report.seconds)} in all${report.cpuSeconds !== undefined ? `, ${seconds(report.cpuSeconds)} of CPU time (child processes included: a quiet ${m.cores}-core machine needs at least ${seconds(report.cpuSeconds / m.cores)})` : ''}.`,
    'Every figure stands beside a baseline measured in the same run on the same machine, and their ratio: compare ratios across machines, not milliseconds. ' +
      'How to read and rerun: bench/README.md.',
  ];
  const failed = report.failures.length
    ? [`**Sections that failed:** ${report.failures.map((f) => `\`${f.id}\` (${f.error})`).join('; ')}`]
    : [];
  return [...head, ...failed, ...report.sections.map(sectionMarkdown)].join('\n\n') + '\n';
}

/** Writes `<name>.md` and `<name>.json` under `dir`; returns their paths. */
export function writeReport(report: Report, dir: string, name: string): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const markdown = path.join(dir, `${name}.md`);
  const json = path.join(dir, `${name}.json`);
  writeFileSync(markdown, reportMarkdown(report));
  writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  return { markdown, json };
}
