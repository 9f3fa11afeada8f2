/**
 * One chart of the dashboard: a Chartist bar chart (SVG) with the same figures as a table under it.
 * The chart is a picture for those who see it (`role="img"` with a name that points to the table);
 * the table, with its caption, is what a screen reader reads. Labels follow the language switch:
 * every chart drawn is redrawn in the new language.
 *
 * Chartist is imported here only, and this module only by the dashboard (dynamically, from
 * web/src/staff.ts), so the other console views never load it.
 */
import { BarChart, Svg } from 'chartist';
import type { Text } from '../../../../forms/i18n';
import { h, txt } from '../../lib/dom';
import { onLanguageChange, t } from '../../lib/i18n';
import { dt } from './texts';

/**
 * The console's Content-Security-Policy allows no inline styles (`style-src 'self'`), and Chartist
 * writes a few as `style` attributes (the SVG's size, its labels' overflow; a TODO in Chartist says
 * so). The same declarations set through the CSSOM are allowed: route `style` there, once.
 */
const setAttributes = Svg.prototype.attr as (this: Svg, attributes: unknown, ns?: string) => unknown;
(Svg.prototype as { attr: unknown }).attr = function attr(this: Svg, attributes: unknown, ns?: string) {
  if (typeof attributes === 'object' && attributes !== null && 'style' in attributes) {
    const { style, ...rest } = attributes as Record<string, unknown>;
    (this.getNode() as SVGElement).style.cssText = String(style ?? '');
    return setAttributes.call(this, rest, ns);
  }
  return setAttributes.call(this, attributes, ns);
};

export interface BarSpec {
  id: string;
  title: Text;
  /** One line under the title: the figure that matters most. */
  summary: Text;
  /** Category labels (bars, or rows when horizontal), as the table says them. */
  labels: Text[];
  /** Shorter labels for the chart's narrow axis, when the table's are long. */
  chartLabels?: Text[];
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
  const horizontal = spec.horizontal ?? false;
  // Chartist draws a horizontal chart's first row at the bottom: turned over, the rows read top down like the table.
  const inOrder = <T>(list: T[]) => (horizontal ? [...list].reverse() : list);
  const labels = inOrder((spec.chartLabels ?? spec.labels).map(t));
  try {
    new BarChart(
      host,
      { labels, series: spec.series.map((s) => ({ name: t(s.name), data: inOrder(s.values) })) },
      {
        horizontalBars: horizontal,
        stackBars: spec.series.length > 1,
        height: horizontal ? `${labels.length * 28 + 40}px` : '220px',
        chartPadding: { top: 10, right: 16, bottom: 0, left: 0 },
        // Counts: whole numbers on the value axis only.
        ...(horizontal ? { axisY: { offset: 112 }, axisX: { onlyInteger: true, low: 0 } } : { axisY: { onlyInteger: true, low: 0, offset: 40 }, axisX: { offset: 30 } }),
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
