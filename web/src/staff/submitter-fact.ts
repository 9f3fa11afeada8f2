/**
 * Who applied, among the case facts: someone acting for the person (name, relation, office, contacts)
 * is who the case manager calls back about the application, so it is not left at the foot of the answers.
 */
import type { Text } from '../../../forms/i18n';
import { submitterRelationOptions } from '../../../forms/submitter';
import { h, txt, type Child } from '../lib/dom';

const ui = {
  appliedBy: { ko: '신청한 분', en: 'Applied by' },
  self: { ko: '본인(또는 보호자) 직접 신청', en: 'The person (or their parent) themselves' },
} as const;

interface ActingSubmitter {
  who?: string;
  name?: string;
  relation?: string;
  relationOther?: string;
  organisation?: string;
  phone?: string;
  email?: string;
}

export function submitterFact(answers: Record<string, unknown>): Child[] {
  const s = (answers.submitter ?? {}) as ActingSubmitter;
  if (s.who !== 'on-behalf') return [txt('dt', ui.appliedBy), txt('dd', ui.self)];
  const relation: Text | undefined = submitterRelationOptions.find((o) => o.value === s.relation)?.label;
  const parts: Child[] = [
    s.name ?? '',
    relation ? ' · ' : null,
    relation ?? null,
    s.relationOther ? ` (${s.relationOther})` : null,
    s.organisation ? ` · ${s.organisation}` : null,
  ];
  const contacts = [s.phone, s.email].filter(Boolean).join(' · ');
  return [
    txt('dt', ui.appliedBy),
    h('dd', { id: 'applied-by' }, ...parts, contacts ? h('br') : null, contacts || null),
  ];
}
