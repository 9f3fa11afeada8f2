/**
 * The words of case notes (사례 기록): how the case manager was in contact. Kept apart from the rules
 * so the console bundles them without anything else.
 */
import type { Text } from '../../forms/i18n';

/**
 * How the contact happened, the list a 통합사례관리 상담 기록 keeps: by phone, a home visit (가정방문),
 * the person coming to the office (내방), a text or e-mail, contact with another agency about the case
 * (a school, a centre: 유관기관), or anything else (a case conference, a note to the file).
 */
export const contactKinds = ['phone', 'home-visit', 'office-visit', 'message', 'agency', 'other'] as const;
export type ContactKind = (typeof contactKinds)[number];

export const contactKindLabels: Record<ContactKind, Text> = {
  phone: { ko: '전화', en: 'Phone call' },
  'home-visit': { ko: '가정방문', en: 'Home visit' },
  'office-visit': { ko: '내방 면담', en: 'Office meeting' },
  message: { ko: '문자·이메일', en: 'Text or e-mail' },
  agency: { ko: '유관기관 연락', en: 'Another agency' },
  other: { ko: '기타', en: 'Other' },
};

/** The author's role beside their name: the groups that write notes (routes.ts). */
export const authorRoleLabels: Record<'caseworker' | 'supervisor', Text> = {
  caseworker: { ko: '사례관리자', en: 'Case manager' },
  supervisor: { ko: '슈퍼바이저', en: 'Supervisor' },
};
