/**
 * The status page's service part, while the agency serves the person: who provides it and how to
 * reach them, sessions used and left, the next one, and this month's copay so far — what the status API's `service` carries
 * (functions/status/service-view.ts), never the counsellor or a note.
 */
import type { Text } from '../../../forms/i18n';
import type { CitizenService } from '../../../functions/status/service-view';
import { h, txt } from '../lib/dom';
import { dateText, krw } from '../lib/i18n';

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
  copayDue: { ko: '이번 달 본인부담금', en: 'Your share this month' },
  copayAmount: (copay: NonNullable<CitizenService['copayDue']>): Text => {
    if (copay.ratePercent === 0) return { ko: '없음 (전액 지원)', en: 'Nothing: the voucher pays it all' };
    const amount = krw(copay.copayKrw);
    return {
      ko: `${amount.ko} (이번 달 ${copay.sessionsUsed}회 이용분, 이용 금액의 ${copay.ratePercent}%)`,
      en: `${amount.en} (for ${copay.sessionsUsed} session${copay.sessionsUsed === 1 ? '' : 's'} this month, ${copay.ratePercent}% of their price)`,
    };
  },
  copayHelp: {
    ko: '본인부담금은 이용한 회기만큼 계산됩니다. 내는 방법은 제공기관에 물어봐 주세요.',
    en: 'Your share counts only the sessions you attended. Ask the provider how to pay it.',
  },
  noNextSession: { ko: '예정된 회기가 없습니다. 제공기관에 문의해 주세요.', en: 'No session is planned. Please ask the provider.' },
  serviceHelp: {
    ko: '회기 일정을 바꾸려면 제공기관에 전화해 주세요.',
    en: 'To change a session, please call the provider.',
  },
} as const;

/** Who provides the service and how to reach them, sessions used and left, the next one, and the copay due. */
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
      ...(service.copayDue ? [txt('dt', ui.copayDue), h('dd', { id: 'copay-due' }, ui.copayAmount(service.copayDue))] : []),
    ),
    ...(service.copayDue && service.copayDue.ratePercent > 0 ? [txt('p', ui.copayHelp, { class: 'hint' })] : []),
    txt('p', ui.serviceHelp, { class: 'hint' }),
  );
}
