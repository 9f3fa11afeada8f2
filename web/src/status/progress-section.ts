/**
 * Where the case stands, for the citizen: what happens next and by when, then the steps so far. The
 * server words both (functions/status/what-next.ts, citizen-timeline.ts): no event code, no rule
 * version and no repeated step reach the page.
 */
import type { Text } from '../../../forms/i18n';
import { h, txt } from '../lib/dom';
import { dateText, dateTimeText } from '../lib/i18n';

export interface WhatNextView {
  text: Text;
  when?: { label: Text; on: string };
}

export interface TimelineEntry {
  at: string;
  text: Text;
}

const ui = {
  next: { ko: '앞으로 진행', en: 'What happens next' },
  timeline: { ko: '지금까지 진행 경과', en: 'What has happened so far' },
} as const;

export function whatNextSection(next: WhatNextView): HTMLElement {
  return h(
    'section',
    { class: 'what-next notice', id: 'what-next', 'aria-labelledby': 'what-next-heading' },
    txt('h3', ui.next, { id: 'what-next-heading' }),
    txt('p', next.text, { id: 'what-next-text' }),
    next.when ? h('p', { class: 'when', id: 'what-next-when' }, h('strong', {}, next.when.label), ': ', h('time', { datetime: next.when.on }, dateText(next.when.on))) : null,
  );
}

/** Newest last, as it happened; each step a sentence with its date and time. */
export function timelineSection(entries: readonly TimelineEntry[]): HTMLElement {
  return h(
    'section',
    { class: 'timeline-section', 'aria-labelledby': 'timeline-heading' },
    txt('h3', ui.timeline, { id: 'timeline-heading' }),
    h(
      'ol',
      { class: 'timeline', id: 'timeline' },
      ...entries.map((entry) => h('li', {}, h('time', { datetime: entry.at }, dateTimeText(entry.at)), ' ', h('span', { class: 'step' }, entry.text))),
    ),
  );
}
