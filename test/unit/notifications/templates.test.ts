import { describe, expect, it } from 'vitest';
import type { Application } from '../../../functions/applications/application';
import { appealFor } from '../../../functions/notifications/appeal';
import { composeNotification } from '../../../functions/notifications/compose';
import { actingSubmitterReachable } from '../../../functions/notifications/recipients';
import type { Notification } from '../../../functions/notifications/outbox';
import { notificationTemplates, outgoingText, renderNotification, type MessageFacts } from '../../../functions/notifications/templates';

const everyFact: MessageFacts = {
  receiptNumber: '2026-7K3M9QXD',
  reasons: [{ ko: '가구 소득이 기준 중위소득 140%를 넘습니다', en: 'Household income is above 140% of the median' }],
  missing: [{ ko: '재학증명서', en: 'Certificate of enrolment' }],
  provider: { name: { ko: '마음숲 상담센터', en: 'Maeumsup Counselling Centre' }, phone: '02-123-4567' },
  appeal: { office: { ko: '종로구청', en: 'the Jongno-gu Office' }, by: '2026-05-01' },
};

/** What an unfilled or broken template leaves behind. */
const leftovers = /\$\{|\{\w*\}|undefined|null|NaN|\[object/;

describe('the notification templates', () => {
  it.each(notificationTemplates)('%s renders in Korean and in English with every placeholder filled', (template) => {
    const rendered = renderNotification(template, everyFact);
    if (!('message' in rendered)) throw new Error(`${template}: ${rendered.problem}`);
    for (const text of [rendered.message.subject, rendered.message.body]) {
      for (const language of ['ko', 'en'] as const) {
        expect(text[language].trim().length, `${template}.${language}`).toBeGreaterThan(5);
        expect(text[language], `${template}.${language}`).not.toMatch(leftovers);
      }
      expect(text.ko).toMatch(/[가-힣]/);
    }
    // The receipt number is what a person quotes when they call; the template's own name never shows.
    expect(rendered.message.body.ko).toContain(everyFact.receiptNumber);
    expect(rendered.message.body.en).toContain(everyFact.receiptNumber);
    expect(JSON.stringify(rendered.message)).not.toContain(template);
  });

  it('covers every event of the lifecycle the applicant hears of, and the staff alert', () => {
    expect([...notificationTemplates].sort()).toEqual(
      expect.arrayContaining(['application-received', 'supplement-requested', 'application-approved', 'provider-matched', 'application-rejected', 'application-closed', 'risk-flagged']),
    );
  });

  it("adds the case manager's words to the applicant to a rejection, when they wrote some", () => {
    const rendered = renderNotification('application-rejected', { ...everyFact, toCitizen: '다른 구로 이사하시면 그 구청에 신청해 주세요' });
    if (!('message' in rendered)) throw new Error(rendered.problem);
    expect(rendered.message.body.ko).toContain('담당자 안내: 다른 구로 이사하시면 그 구청에 신청해 주세요');
    expect(rendered.message.body.en).toContain('From your case manager: 다른 구로');
    const without = renderNotification('application-rejected', everyFact);
    if (!('message' in without)) throw new Error(without.problem);
    expect(without.message.body.ko).not.toContain('담당자 안내');
  });

  it('tells a refused applicant the reason, where to appeal and by when', () => {
    const rendered = renderNotification('application-rejected', everyFact);
    if (!('message' in rendered)) throw new Error(rendered.problem);
    expect(rendered.message.body.ko).toContain('가구 소득이 기준 중위소득 140%를 넘습니다');
    expect(rendered.message.body.ko).toContain('2026년 5월 1일까지 종로구청에 이의신청');
    expect(rendered.message.body.en).toContain('appeal (이의신청) to the Jongno-gu Office by 1 May 2026');
  });

  it("names the matched provider and its phone", () => {
    const rendered = renderNotification('provider-matched', everyFact);
    if (!('message' in rendered)) throw new Error(rendered.problem);
    expect(rendered.message.body.ko).toContain('마음숲 상담센터, 전화 02-123-4567');
    expect(rendered.message.body.en).toContain('Maeumsup Counselling Centre, phone 02-123-4567');
  });

  it('says nothing but the receipt number to case managers about a risk', () => {
    const rendered = renderNotification('risk-flagged', { ...everyFact, reasons: [{ ko: 'PHQ-9 9번 문항', en: 'PHQ-9 item 9' }] });
    if (!('message' in rendered)) throw new Error(rendered.problem);
    expect(JSON.stringify(rendered.message)).not.toMatch(/PHQ|마음숲|중위소득/);
  });

  it('refuses a template it does not know, and one whose facts are missing, instead of sending half a message', () => {
    expect(renderNotification('voucher-expiring', everyFact)).toEqual({ problem: 'unknown-template' });
    expect(renderNotification('toString', everyFact)).toEqual({ problem: 'unknown-template' });
    expect(renderNotification('provider-matched', { receiptNumber: 'R' })).toEqual({ problem: 'missing-facts' });
    expect(renderNotification('application-rejected', { ...everyFact, reasons: [] })).toEqual({ problem: 'missing-facts' });
  });

  it('puts both languages in every message, Korean first, and the subject at the top of an SMS', () => {
    const rendered = renderNotification('application-received', everyFact);
    if (!('message' in rendered)) throw new Error(rendered.problem);
    const sms = outgoingText(rendered.message, 'sms');
    expect(sms.text.indexOf('[돌봄]')).toBe(0);
    expect(sms.text.indexOf('신청이 접수되었습니다')).toBeLessThan(sms.text.indexOf('has been received'));
    const email = outgoingText(rendered.message, 'email');
    expect(email.subject).toBe('[돌봄] 신청이 접수되었습니다 / [Dolbom] Your application has been received');
    expect(email.text).toContain(rendered.message.body.en);
  });
});

describe('appealFor', () => {
  it("gives 30 days from the notice's day in Seoul, at the district office", () => {
    // 23:30 UTC on 31 March is 1 April in Seoul.
    expect(appealFor({ ko: '종로구', en: 'Jongno-gu' }, '2026-03-31T23:30:00.000Z')).toEqual({
      office: { ko: '종로구청', en: 'the Jongno-gu Office' },
      by: '2026-05-01',
    });
  });
});

const application = (applicant: Record<string, unknown>): Application =>
  ({ id: 'A1', receiptNumber: '2026-7K3M9QXD', district: '11110', answers: { applicant } }) as unknown as Application;
const notification = (fields: Partial<Notification> = {}): Notification => ({
  applicationId: 'A1',
  key: 'received',
  template: 'application-received',
  createdAt: '2026-04-01T01:00:00.000Z',
  ...fields,
});
const input = { caseManagersEmail: 'case-managers-{district}@dolbom.local' };

describe('composeNotification', () => {
  it('writes to the e-mail address the applicant gave, else texts their mobile', () => {
    expect(composeNotification({ ...input, notification: notification(), application: application({ phone: '010-1234-5678', email: 'a@example.com' }) })).toMatchObject({ channel: 'email', to: 'a@example.com' });
    expect(composeNotification({ ...input, notification: notification(), application: application({ phone: '010-1234-5678' }) })).toMatchObject({ channel: 'sms', to: '010-1234-5678' });
    expect(composeNotification({ ...input, notification: notification(), application: application({}) })).toEqual({ problem: 'no-contact' });
  });

  it("writes to the district team about a risk, never to the applicant", () => {
    const composed = composeNotification({ ...input, notification: notification({ template: 'risk-flagged', audience: 'case-managers' }), application: application({ phone: '010-1234-5678' }) });
    expect(composed).toMatchObject({ channel: 'email', to: 'case-managers-11110@dolbom.local' });
  });

  it('adds where and by when to appeal to a rejection, from the district and the notice date', () => {
    const composed = composeNotification({
      ...input,
      notification: notification({ template: 'application-rejected', key: 'rejected', reasons: everyFact.reasons! }),
      application: application({ phone: '010-1234-5678' }),
    });
    if (!('message' in composed)) throw new Error(composed.problem);
    expect(composed.message.body.ko).toContain('2026년 5월 1일까지 종로구청에 이의신청');
  });

  it('cannot compose without the application, nor a matched message without the agency', () => {
    expect(composeNotification({ ...input, notification: notification(), application: undefined })).toEqual({ problem: 'no-application' });
    expect(
      composeNotification({ ...input, notification: notification({ template: 'provider-matched', agencyId: 'P-X' }), application: application({ phone: '010-1234-5678' }) }),
    ).toEqual({ problem: 'missing-facts' });
  });
});

describe('the receipt to someone applying on the person’s behalf', () => {
  const withSubmitter = (submitter: Record<string, unknown>, applicant: Record<string, unknown> = { phone: '010-1234-5678' }) =>
    ({ id: 'A1', receiptNumber: '2026-7K3M9QXD', district: '11110', answers: { applicant, submitter } }) as unknown as Application;
  const official = { who: 'on-behalf', name: '김복지', relation: 'district-official', organisation: '사직동 주민센터' };

  it('goes to the contact they gave, by e-mail first, while the applicant’s goes to the applicant', () => {
    const application = withSubmitter({ ...official, phone: '010-9999-0000', email: 'welfare@sajik.go.kr' });
    expect(composeNotification({ ...input, notification: notification({ key: 'received-submitter', audience: 'submitter' }), application })).toMatchObject({ channel: 'email', to: 'welfare@sajik.go.kr' });
    expect(composeNotification({ ...input, notification: notification(), application })).toMatchObject({ channel: 'sms', to: '010-1234-5678' });
  });

  it('is queued only when they can be reached apart from the applicant: a mobile or an address, not an office line, not the same contact', () => {
    expect(actingSubmitterReachable(withSubmitter({ ...official, email: 'welfare@sajik.go.kr' }).answers)).toBe(true);
    expect(actingSubmitterReachable(withSubmitter({ ...official, phone: '010-9999-0000' }).answers)).toBe(true);
    expect(actingSubmitterReachable(withSubmitter({ ...official, phone: '02-2148-1234' }).answers)).toBe(false);
    expect(actingSubmitterReachable(withSubmitter({ ...official, phone: '010-1234-5678' }).answers)).toBe(false);
    expect(actingSubmitterReachable(withSubmitter({ who: 'self' }).answers)).toBe(false);
  });
});
