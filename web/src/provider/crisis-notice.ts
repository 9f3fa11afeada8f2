/**
 * The crisis line, shown the moment a test comes back high risk (PHQ-9 ≥ 20, PHQ-9 item 9 above 0, or
 * GAD-7 ≥ 15, as the server judged): first on the page, in words a counsellor can act on with the
 * client still in the room — call 109 (`crisisLine`, beside the risk rule) — and that the case manager
 * already has an urgent task.
 */
import type { Text } from '../../../forms/i18n';
import { crisisLine } from '../../../functions/screening/instruments';
import { h, txt } from '../lib/dom';
import { crisis } from './session-text';

export function crisisNotice(reasons: readonly { text: Text }[]): HTMLElement {
  return h(
    'section',
    { class: 'crisis', id: 'crisis', role: 'alert', 'aria-labelledby': 'crisis-heading', tabindex: '-1' },
    txt('h2', crisis.heading, { id: 'crisis-heading' }),
    h('p', { class: 'crisis-line' }, h('a', { href: `tel:${crisisLine.number}`, class: 'button danger' }, crisisLine.label)),
    txt('p', crisis.told),
    reasons.length ? h('div', {}, txt('h3', crisis.why), h('ul', {}, ...reasons.map((r) => h('li', {}, r.text)))) : null,
  );
}
