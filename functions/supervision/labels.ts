/**
 * The words of supervision (슈퍼비전): states, urgencies and session forms with their labels. Kept
 * apart from the rules so the console bundles them without anything else.
 */
import type { Text } from '../../forms/i18n';

export const supervisionStates = ['open', 'accepted', 'advised'] as const;
export type SupervisionState = (typeof supervisionStates)[number];

/** How soon the caseworker needs it. `urgent`: someone may come to harm (a safety plan is in question). */
export const supervisionUrgencies = ['urgent', 'soon', 'routine'] as const;
export type SupervisionUrgency = (typeof supervisionUrgencies)[number];

/** Where the session is held: the supervisor visits the district (방문), or the caseworker comes in (내방). */
export const sessionForms = ['visiting', 'in-office'] as const;
export type SessionForm = (typeof sessionForms)[number];

export const urgencyLabels: Record<SupervisionUrgency, Text> = {
  urgent: { ko: '긴급 (안전 우려)', en: 'Urgent (a safety concern)' },
  soon: { ko: '2주 이내', en: 'Within two weeks' },
  routine: { ko: '일반', en: 'Routine' },
};

export const sessionFormLabels: Record<SessionForm, Text> = {
  visiting: { ko: '방문 슈퍼비전 (감독자가 구청·동 주민센터로 방문)', en: 'Visiting (the supervisor comes to the district office)' },
  'in-office': { ko: '내방 슈퍼비전 (사례관리자가 감독자에게 방문)', en: 'In-office (the caseworker goes to the supervisor)' },
};

/**
 * The same, short enough for a dropdown on a 375 px phone (a select shows one line and cuts the rest);
 * the forms put `sessionFormHelp` under it for what each means.
 */
export const sessionFormChoiceLabels: Record<SessionForm, Text> = {
  visiting: { ko: '방문 슈퍼비전', en: 'Visiting' },
  'in-office': { ko: '내방 슈퍼비전', en: 'In-office' },
};

export const sessionFormHelp: Text = {
  ko: '방문: 감독자가 구청·동 주민센터로 옵니다. 내방: 사례관리자가 감독자에게 갑니다.',
  en: 'Visiting: the supervisor comes to the district office. In-office: the caseworker goes to the supervisor.',
};

export const supervisionStateLabels: Record<SupervisionState, Text> = {
  open: { ko: '접수 대기', en: 'Waiting for a supervisor' },
  accepted: { ko: '슈퍼비전 예정', en: 'Session arranged' },
  advised: { ko: '자문 완료', en: 'Advice recorded' },
};
