import type { Text } from '../../forms/i18n';
import type { Notification } from './outbox';

/**
 * The words of every notification, in Korean and English, per event. Pure: no AWS, no clock, no
 * contact details — the sender gathers the facts and picks the channel. Plain words only: a person
 * reads these on a phone, so never a rule version, a status code or an internal id beyond the
 * receipt number they quote when they call.
 */
export type NotificationTemplate = Notification['template'];

/** What a message may say, gathered by the sender from the notification, the application and the registry. */
export interface MessageFacts {
  receiptNumber: string;
  reasons?: Text[];
  /** The case manager's words to the applicant, as they wrote them (one language: theirs). */
  toCitizen?: string;
  missing?: Text[];
  provider?: { name: Text; phone: string };
  /** Where and by when the applicant may appeal (이의신청), functions/notifications/appeal.ts. */
  appeal?: { office: Text; by: string };
}

export interface Message {
  subject: Text;
  body: Text;
}

interface Template {
  /** Facts the words cannot do without: a message missing one is never sent half-filled. */
  needs: (keyof MessageFacts)[];
  render: (facts: Required<MessageFacts>) => Message;
}

const SERVICE: Text = { ko: '[돌봄]', en: '[Dolbom]' };

/** A list read aloud: "a, b" in Korean, "a; b" in English (reasons may hold commas). */
const list = (items: Text[]): Text => ({ ko: items.map((t) => t.ko).join(', '), en: items.map((t) => t.en).join('; ') });

/** 2026-04-30 → "2026년 4월 30일" / "30 April 2026". */
function longDate(day: string): Text {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return { ko: `${year}년 ${month}월 ${date}일`, en: `${date} ${months[month - 1]} ${year}` };
}

const subject = (ko: string, en: string): Text => ({ ko: `${SERVICE.ko} ${ko}`, en: `${SERVICE.en} ${en}` });

/**
 * One entry per template, so adding a template to `Notification` without its words fails the type
 * check. The keys are the outbox's template names; nothing here is shown to a person.
 */
const templates: { [T in NotificationTemplate]: Template } = {
  'application-received': {
    needs: [],
    render: ({ receiptNumber }) => ({
      subject: subject('신청이 접수되었습니다', 'Your application has been received'),
      body: {
        ko: `신청이 접수되었습니다. 접수번호는 ${receiptNumber}입니다. 자격 확인과 담당자 검토가 끝나면 다시 알려 드립니다. 진행 상황은 신청 조회 화면에서 접수번호와 접근 코드로 볼 수 있습니다.`,
        en: `Your application has been received. Your receipt number is ${receiptNumber}. We will write again once your eligibility has been checked and a case manager has reviewed it. You can follow it on the status page with your receipt number and access code.`,
      },
    }),
  },
  'supplement-requested': {
    needs: ['missing'],
    render: ({ receiptNumber, missing }) => {
      const what = list(missing);
      return {
        subject: subject('신청서 보완이 필요합니다', 'More information is needed'),
        body: {
          ko: `접수번호 ${receiptNumber} 신청을 검토하려면 다음이 더 필요합니다: ${what.ko}. 신청 조회 화면에서 보완해 주세요.`,
          en: `To review application ${receiptNumber} we need the following: ${what.en}. Please add it on the status page.`,
        },
      };
    },
  },
  'application-approved': {
    needs: [],
    render: ({ receiptNumber }) => ({
      subject: subject('신청이 승인되었습니다', 'Your application has been approved'),
      body: {
        ko: `접수번호 ${receiptNumber} 신청이 승인되었습니다. 지금 상담할 제공기관을 찾고 있으며, 연결되면 기관 이름과 연락처를 알려 드립니다.`,
        en: `Application ${receiptNumber} has been approved. We are now finding a provider for you and will send you its name and phone number once one is assigned.`,
      },
    }),
  },
  'provider-matched': {
    needs: ['provider'],
    render: ({ receiptNumber, provider }) => ({
      subject: subject('제공기관이 연결되었습니다', 'A provider has been assigned'),
      body: {
        ko: `접수번호 ${receiptNumber} 신청에 제공기관이 연결되었습니다: ${provider.name.ko}, 전화 ${provider.phone}. 기관에서 첫 상담 일정을 정하려고 연락드립니다.`,
        en: `A provider has been assigned to application ${receiptNumber}: ${provider.name.en}, phone ${provider.phone}. They will contact you to arrange the first session.`,
      },
    }),
  },
  'application-rejected': {
    needs: ['reasons', 'appeal'],
    render: ({ receiptNumber, reasons, appeal, toCitizen }) => {
      const why = list(reasons);
      const by = longDate(appeal.by);
      // Optional: a required fact would hold back every rejection without it.
      const words = toCitizen ? { ko: ` 담당자 안내: ${toCitizen}`, en: ` From your case manager: ${toCitizen}` } : { ko: '', en: '' };
      return {
        subject: subject('신청 결과를 알려 드립니다', 'The decision on your application'),
        body: {
          ko: `접수번호 ${receiptNumber} 신청은 지원 대상으로 결정되지 않았습니다. 사유: ${why.ko}.${words.ko} 이 결정에 동의하지 않으면 ${by.ko}까지 ${appeal.office.ko}에 이의신청을 할 수 있습니다.`,
          en: `Application ${receiptNumber} was not approved. Reason: ${why.en}.${words.en} If you disagree with this decision, you can appeal (이의신청) to ${appeal.office.en} by ${by.en}.`,
        },
      };
    },
  },
  'application-closed': {
    needs: [],
    render: ({ receiptNumber }) => ({
      subject: subject('서비스가 종결되었습니다', 'Your service has ended'),
      body: {
        ko: `접수번호 ${receiptNumber}의 서비스가 종결되었습니다. 이용해 주셔서 감사합니다. 다시 도움이 필요하면 언제든 새로 신청할 수 있습니다.`,
        en: `The service for application ${receiptNumber} has ended. Thank you. If you need support again, you can apply anew at any time.`,
      },
    }),
  },
  // For the district's case managers: the receipt number only, no name or result — the task holds the rest.
  'risk-flagged': {
    needs: [],
    render: ({ receiptNumber }) => ({
      subject: subject('긴급: 위기 선별 결과 확인', 'Urgent: a screening result needs follow-up'),
      body: {
        ko: `접수번호 ${receiptNumber}의 선별검사 결과 즉시 확인이 필요합니다. 업무 목록의 긴급 과제를 오늘 안에 열어 주세요.`,
        en: `A screening result for application ${receiptNumber} needs follow-up now. Please open the urgent task in your queue today.`,
      },
    }),
  },
  'referral-owed': {
    needs: [],
    render: ({ receiptNumber }) => ({
      subject: subject('연계 의뢰 필요: 고위험 종결 사례', 'Referral owed: a high-risk case has closed'),
      body: {
        ko: `접수번호 ${receiptNumber} 사례가 종결되었고 선별검사에서 고위험이 있었습니다. 정신건강복지센터 등으로 연계 의뢰하고, 받는 기관의 접수 확인을 업무 목록에 기록해 주세요.`,
        en: `Application ${receiptNumber} has closed after a high-risk screening result. Please refer the person (e.g. to a mental-health welfare centre) and record the receiver's acknowledgement in your queue.`,
      },
    }),
  },
  'attendance-flagged': {
    needs: [],
    render: ({ receiptNumber }) => ({
      subject: subject('연속 불참 확인 필요', 'Missed sessions need follow-up'),
      body: {
        ko: `접수번호 ${receiptNumber} 사례에서 상담이 세 번 연속 불참으로 기록되었습니다. 업무 목록에서 확인하고 조치한 내용을 기록해 주세요.`,
        en: `Application ${receiptNumber} has three missed sessions in a row. Please check it in your queue and record what was done.`,
      },
    }),
  },
};

export type Rendered = { message: Message } | { problem: 'unknown-template' | 'missing-facts' };

/**
 * The message for a template, or why there is none: a template this code does not know (an item
 * written by a newer version, or one added without its words) or a fact it needs is missing.
 */
export function renderNotification(template: string, facts: MessageFacts): Rendered {
  const entry = Object.hasOwn(templates, template) ? templates[template as NotificationTemplate] : undefined;
  if (!entry) return { problem: 'unknown-template' };
  const lacking = entry.needs.some((need) => {
    const value = facts[need];
    return value === undefined || (Array.isArray(value) && value.length === 0);
  });
  if (lacking) return { problem: 'missing-facts' };
  return { message: entry.render(facts as Required<MessageFacts>) };
}

/** Every template name, for tests and documentation. */
export const notificationTemplates = Object.keys(templates) as NotificationTemplate[];

/**
 * The text a channel carries: both languages, Korean first, so whoever reads it can. An SMS has no
 * subject, so the subject line leads the text.
 */
export function outgoingText(message: Message, channel: 'sms' | 'email'): { subject: string; text: string } {
  const subjectLine = `${message.subject.ko} / ${message.subject.en}`;
  const text = `${message.body.ko}\n\n${message.body.en}`;
  return channel === 'sms' ? { subject: subjectLine, text: `${message.subject.ko}\n${message.body.ko}\n\n${message.subject.en}\n${message.body.en}` } : { subject: subjectLine, text };
}
