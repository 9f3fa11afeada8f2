/**
 * The status page's service part, while the agency serves the person: who provides it and how to
 * reach them, sessions used and left, and the next one — what the status API's `service` carries
 * (functions/status/service-view.ts), never the counsellor or a note.
 */
import type { Text } from '../../../forms/i18n';
import type { CitizenService } from '../../../functions/status/service-view';
import { h, txt } from '../lib/dom';
import { dateText } from '../lib/i18n';

export type { CitizenService };

const ui = {
  heading: { ko: '이용 중인 서비스', en: 'Your service' },
  provider: { ko: '제공기관', en: 'Provider' },
  providerPhone: { ko: '제공기관 연락처', en: 'Provider phone' },
  sessions: { ko: '이용 회기', en: 'Sessions' },
  sessionsUsed: (held: number, planned: number, left: number): Text => ({
    ko: `${planned}회 중 ${held}회 이용 · ${left}회 남음`,
    en: `${held} of ${planned} used · ${left} left`,
  }),
  nextSession: { ko: '다음 회기', en: 'Next session' },
  noNextSession: { ko: '예정된 회기가 없습니다. 제공기관에 문의해 주세요.', en: 'No session is planned. Please ask the provider.' },
  serviceHelp: {
    ko: '회기 일정을 바꾸려면 제공기관에 전화해 주세요.',
    en: 'To change a session, please call the provider.',
  },
} as const;

/** Who provides the service and how to reach them, sessions used and left, and the next one. */
export function serviceSection(service: CitizenService): HTMLElement {
  return h(
    'section',
    { class: 'service', id: 'service', 'aria-labelledby': 'service-heading' },
    txt('h3', ui.heading, { id: 'service-heading' }),
    h(
      'dl',
      { class: 'facts' },
      txt('dt', ui.provider),
      h('dd', {}, service.provider.name),
      txt('dt', ui.providerPhone),
      h('dd', {}, h('a', { href: `tel:${service.provider.phone}` }, service.provider.phone)),
      txt('dt', ui.sessions),
      h('dd', { id: 'sessions-used' }, ui.sessionsUsed(service.sessionsHeld, service.sessionsPlanned, service.sessionsLeft)),
      txt('dt', ui.nextSession),
      h('dd', { id: 'next-session' }, service.nextSessionOn ? dateText(service.nextSessionOn) : ui.noNextSession),
    ),
    txt('p', ui.serviceHelp, { class: 'hint' }),
  );
}
