import { describe, expect, it } from 'vitest';
import { markdownTable, num, ratio, reportMarkdown, type Report } from '../../../bench/report';

describe('the benchmark report', () => {
  it('writes a table as Markdown, numbers right-aligned, pipes in a cell escaped', () => {
    expect(markdownTable({ columns: ['load', 'p95'], rows: [['1 | 2 clients', '12.0 ms']] })).toBe('| load | p95 |\n|---|---:|\n| 1 \\| 2 clients | 12.0 ms |');
  });

  it('shows a figure against its baseline as a ratio, and no ratio without a baseline', () => {
    expect(ratio(30, 10)).toBe('3.00×');
    expect(ratio(5, 0)).toBe('–');
    expect(ratio(Number.NaN, 4)).toBe('–');
    expect(num(1234.5)).toBe('1,235');
    expect(num(0.01234)).toBe('0.012');
  });

  it('opens with the machine and the run, names failed sections, then each section with its tables and notes', () => {
    const report: Report = {
      machine: { date: '2026-07-01T00:00:00.000Z', cores: 2, cpuModel: 'AMD EPYC', node: 'v20.19.0', platform: 'linux 6', memoryGb: 8, loadAverageAtStart: 1.5, commit: 'abc1234' },
      chosen: ['submission'],
      seconds: 90,
      failures: [{ id: 'guessing', error: 'a guess answered 500' }],
      sections: [
        {
          id: 'submission',
          title: 'Submission',
          summary: 'POST /api/applications beside PutItem.',
          tables: [{ columns: ['load', 'p95 ratio'], rows: [['1 client', '2.00×']] }],
          notes: ['Within the aim.'],
          data: {},
          seconds: 42,
        },
      ],
    };
    const markdown = reportMarkdown(report);
    expect(markdown).toMatch(/^# Dolbom figures\n\n`npm run bench -- submission` on 2026-07-01: 2 cores \(AMD EPYC\), 8 GB, Node v20\.19\.0, linux 6, commit abc1234; load average 1\.5 at the start; 90\.0 s in all\./);
    expect(markdown).toContain('**Sections that failed:** `guessing` (a guess answered 500)');
    expect(markdown).toContain('## Submission\n\nPOST /api/applications beside PutItem.\n\n| load | p95 ratio |');
    expect(markdown).toContain('- Within the aim.');
    expect(markdown).toContain('section `submission`: 42.0 s');
  });
});
