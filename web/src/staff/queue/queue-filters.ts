/**
 * The queue's filters as a form, and as the query string the API reads: only what differs from the
 * defaults is sent, so the first look is a plain `GET /api/staff/tasks`.
 */
import { districtCodes } from '../../../../forms/districts';
import { programmes } from '../../../../forms';
import type { Text } from '../../../../forms/i18n';
import { h, txt } from '../../lib/dom';
import { bi } from '../../lib/i18n';
import { session } from '../session';
import { districtText, taskKindNames, taskStateLabels, ui } from '../texts';

export interface QueueFilters {
  district: string;
  programme: string;
  kind: string;
  state: string;
  sort: string;
  overdue: boolean;
  mine: boolean;
  unassigned: boolean;
  q: string;
}

export const defaultFilters: QueueFilters = { district: '', programme: '', kind: '', state: 'open', sort: 'due', overdue: false, mine: false, unassigned: false, q: '' };

export function queryOf(filters: QueueFilters, cursor?: string): string {
  const query = new URLSearchParams();
  for (const name of ['district', 'programme', 'kind'] as const) if (filters[name]) query.set(name, filters[name]);
  if (filters.state !== 'open') query.set('state', filters.state);
  for (const name of ['overdue', 'mine', 'unassigned'] as const) if (filters[name]) query.set(name, 'true');
  if (filters.sort !== 'due') query.set('sort', filters.sort);
  if (filters.q.trim()) query.set('q', filters.q.trim());
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function isSupervisor(): boolean {
  const groups = session.claims()?.['cognito:groups'];
  return Array.isArray(groups) && groups.includes('supervisor');
}

/** The districts the signed-in person may choose: a supervisor's are all of them, a caseworker's their own. */
function ownDistricts(): string[] {
  if (isSupervisor()) return districtCodes;
  const claim = session.claims()?.['custom:districts'];
  const listed = Array.isArray(claim) ? claim.map(String) : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  return districtCodes.filter((d) => listed.includes(d));
}

function select(id: string, label: Text, value: string, options: [string, Text][]): HTMLElement {
  const element = h('select', { id, name: id }, ...options.map(([v, text]) => bi(h('option', { value: v, selected: v === value }), text)));
  return h('label', { for: id, class: 'filter' }, txt('span', label), element);
}

function checkbox(id: string, label: Text, checked: boolean): HTMLElement {
  return h('label', { class: 'filter check' }, h('input', { type: 'checkbox', id, name: id, checked }), txt('span', label));
}

/** The filter form; `onChange` gets the new filters whenever one changes or the search is sent. */
export function filterForm(filters: QueueFilters, onChange: (next: QueueFilters) => void): HTMLFormElement {
  const form = h(
    'form',
    { id: 'queue-filters', class: 'queue-filters', role: 'search' },
    h(
      'label',
      { for: 'f-q', class: 'filter search' },
      txt('span', ui.search),
      h('input', { id: 'f-q', name: 'f-q', type: 'search', value: filters.q, maxlength: 60, autocomplete: 'off' }),
    ),
    select('f-district', ui.district, filters.district, [['', ui.allDistricts], ...ownDistricts().map((d): [string, Text] => [d, districtText(d)])]),
    select('f-programme', ui.programme, filters.programme, [['', ui.allProgrammes], ...programmes.map((p): [string, Text] => [p.id, p.name])]),
    select('f-kind', ui.kind, filters.kind, [['', ui.allKinds], ...Object.entries(taskKindNames)]),
    select('f-state', ui.taskState, filters.state, Object.entries(taskStateLabels)),
    select('f-sort', ui.sortBy, filters.sort, [
      ['due', ui.sortDue],
      ['received', ui.sortReceived],
    ]),
    checkbox('f-overdue', ui.onlyOverdue, filters.overdue),
    checkbox('f-mine', ui.onlyMine, filters.mine),
    checkbox('f-unassigned', ui.onlyUnassigned, filters.unassigned),
    h('button', { type: 'submit' }, ui.apply),
  );
  const read = (): QueueFilters => {
    const value = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement).value;
    const checked = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).checked;
    return {
      q: value('f-q'),
      district: value('f-district'),
      programme: value('f-programme'),
      kind: value('f-kind'),
      state: value('f-state'),
      sort: value('f-sort'),
      overdue: checked('f-overdue'),
      mine: checked('f-mine'),
      unassigned: checked('f-unassigned'),
    };
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange(read());
  });
  // Choices apply at once; the search box waits for Enter or the button.
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).id !== 'f-q') onChange(read());
  });
  return form;
}
