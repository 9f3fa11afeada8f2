/**
 * One chart of the dashboard: a Chartist bar chart (SVG) with the same figures as a table under it.
 * The chart is a picture for those who see it (`role="img"` with a name that points to the table);
 * the table, with its caption, is what a screen reader reads. Labels follow the language switch:
 * every chart drawn is redrawn in the new language.
 *
 * Chartist is imported here only, and this module only by the dashboard (dynamically, from
 * web/src/staff.ts), so the other console views never load it.
 */
import { BarChart } from 'chartist';
import type { Text } from '../../../../forms/i18n';
import { h, txt } from '../../lib/dom';
import { onLanguageChange, t } from '../../lib/i18n';
import { dt } from './texts';

export interface BarSpec {
  id: string;
  title: Text;
  /** One line under the title: the figure that matters most. */
  summary: Text;
  /** Category labels (bars, or rows when horizontal). */
  labels: Text[];
  /** One series per colour; several are stacked. */
  series: { name: Text; values: number[] }[];
  horizontal?: boolean;
  /** Extra table columns after the series (e.g. the longest wait). */
  extraColumns?: { name: Text; cells: Text[] }[];
  /** A total column, when there are several series. */
  totalColumn?: Text;
}

// The charts on screen, redrawn when the language changes; replaced whenever the dashboard is drawn.
let drawn: { spec: BarSpec; host: HTMLElement }[] = [];
let listening = false;

function draw(spec: BarSpec, host: HTMLElement): void {
  host.replaceChildren();
  const rows = spec.labels.length;
  try {
    new BarChart(
      host,
      { labels: spec.labels.map(t), series: spec.series.map((s) => ({ name: t(s.name), data: s.values })) },
      {
        horizontalBars: spec.horizontal ?? false,
        stackBars: spec.series.length > 1,
        reverseData: spec.horizontal ?? false,
        height: spec.horizontal ? `${rows * 26 + 40}px` : '220px',
        chartPadding: { top: 10, right: 16, bottom: 0, left: 0 },
        // Counts: whole numbers on the value axis only.
        ...(spec.horizontal
          ? { axisY: { offset: 112 }, axisX: { onlyInteger: true, low: 0 } }
          : { axisY: { onlyInteger: true, low: 0, offset: 28 }, axisX: { offset: 30 } }),
      },
    );
  } catch {
    host.replaceChildren(txt('p', dt.chartUnavailable, { class: 'hint' }));
  }
}

function figureTable(spec: BarSpec): HTMLElement {
  const several = spec.series.length > 1;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, ''),
    ...spec.series.map((s) => h('th', { scope: 'col' }, s.name)),
    several && spec.totalColumn ? h('th', { scope: 'col' }, spec.totalColumn) : null,
    ...(spec.extraColumns ?? []).map((c) => h('th', { scope: 'col' }, c.name)),
  );
  const body = spec.labels.map((label, i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, label),
      ...spec.series.map((s) => h('td', {}, String(s.values[i] ?? 0))),
      several && spec.totalColumn ? h('td', { class: 'total' }, String(spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0))) : null,
      ...(spec.extraColumns ?? []).map((c) => h('td', {}, c.cells[i] ?? '')),
    ),
  );
  return h('div', { class: 'table-wrap' }, h('table', { class: 'counts', id: `${spec.id}-table` }, h('caption', {}, dt.tableCaption(spec.title)), h('thead', {}, head), h('tbody', {}, ...body)));
}

/** A card with the chart, its legend and its table. */
export function barFigure(spec: BarSpec): HTMLElement {
  const host = h('div', { class: 'chart', id: `${spec.id}-chart`, role: 'img' });
  const label = () => host.setAttribute('aria-label', t(dt.chartLabel(spec.title)));
  label();
  const legend =
    spec.series.length > 1
      ? h('ul', { class: 'chart-legend', 'aria-hidden': 'true' }, ...spec.series.map((s, i) => h('li', { class: `series-${i}` }, h('span', { class: 'swatch' }), s.name)))
      : null;
  drawn.push({ spec, host });
  if (!listening) {
    listening = true;
    onLanguageChange(() => {
      for (const chart of drawn) {
        draw(chart.spec, chart.host);
        chart.host.setAttribute('aria-label', t(dt.chartLabel(chart.spec.title)));
      }
    });
  }
  // Drawn once the card is in the page: Chartist measures its container.
  requestAnimationFrame(() => draw(spec, host));
  return h('figure', { class: 'dash-card', id: spec.id }, h('figcaption', {}, txt('h2', spec.title), txt('p', spec.summary, { class: 'summary' })), host, legend, figureTable(spec));
}

/** Forgets the charts of the previous drawing (the dashboard is drawn afresh). */
export function clearCharts(): void {
  drawn = [];
}
