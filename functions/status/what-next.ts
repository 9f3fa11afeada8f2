/**
 * "What happens next, and by when" for the status page: one plain sentence for where the case
 * stands, and the date that matters to the citizen (when the review is due, the supplement's
 * deadline, the next session, the last day to appeal). Pure: citizen-access.ts reads the dates.
 */
import type { Text } from '../../forms/i18n';
import type { Application } from '../applications/application';

export interface WhatNext {
  text: Text;
  /** The date that matters, as a Seoul calendar day (YYYY-MM-DD), and what it is. */
  when?: { label: Text; on: string };
}

export interface NextFacts {
  /** Today in Seoul (YYYY-MM-DD). */
  today: string;
  /** The open review or re-assessment task's due day (the first one, if it was escalated). */
  taskDueOn?: string;
  supplementDueOn?: string;
  nextSessionOn?: string;
  /** The current service period's last day. */
  periodEndsOn?: string;
  appealBy?: string;
  /** A withdrawal or early closure is being handled. */
  closing?: boolean;
}

const labels = {
  reviewBy: { ko: '검토 예정일', en: 'Review due by' },
  supplementBy: { ko: '보완 기한', en: 'Send it by' },
  nextSession: { ko: '다음 상담일', en: 'Next session' },
  periodEnds: { ko: '이번 서비스 기간 종료일', en: 'This service period ends' },
  appealBy: { ko: '이의신청 기한', en: 'Appeal by' },
} satisfies Record<string, Text>;

const texts = {
  checking: { ko: '신청 자격 기준을 확인하고 있습니다. 확인이 끝나면 담당자가 검토합니다. 따로 하실 일은 없습니다.', en: 'We are checking the eligibility criteria; a case manager then reviews your application. You need do nothing.' },
  review: { ko: '담당 자치구의 담당자가 신청 내용을 검토합니다. 결과는 이 페이지에서 확인할 수 있습니다.', en: 'A case manager in your district reviews your application. You can follow the result on this page.' },
  reviewLate: { ko: '검토가 예정보다 늦어지고 있습니다. 죄송합니다. 급하시면 담당 구청에 접수번호를 알려 문의해 주세요.', en: 'The review is taking longer than planned; we are sorry. If it is urgent, call your district office and quote your receipt number.' },
  supplementSent: { ko: '보내 주신 내용을 받았습니다. 곧 담당자가 다시 검토합니다.', en: 'We have what you sent; a case manager will review your application again shortly.' },
  supplement: { ko: '아래에서 요청한 서류나 내용을 기한까지 보내 주세요. 기한이 지나면 이미 낸 내용으로 검토합니다.', en: 'Please send what is asked for below by the deadline. After it, your application is reviewed with what you gave.' },
  matching: { ko: '서비스를 제공할 기관과 상담사를 찾고 있습니다. 기관이 정해지면 기관에서 연락드립니다.', en: 'We are finding a provider and a counsellor for you. Once one is found, they will contact you.' },
  waitlisted: { ko: '지금은 빈자리가 없어 대기 중입니다. 자리가 나면 대기 순서대로 연결해 드립니다.', en: 'No place is free yet. When one comes free, people on the waiting list are matched in turn.' },
  matched: { ko: '제공기관이 곧 연락해 첫 상담 날짜를 정합니다.', en: 'The provider will contact you soon to arrange your first session.' },
  inService: { ko: '서비스를 이용하고 있습니다. 기간이 끝나면 담당자가 계속 이용할지 판단합니다.', en: 'You are receiving the service. When the period ends, a case manager decides whether you continue.' },
  reassessment: { ko: '담당자가 서비스를 계속 이용할지 판단하고 있습니다. 그동안 상담은 계속됩니다.', en: 'A case manager is deciding whether you continue. Your sessions go on meanwhile.' },
  extended: { ko: '연장이 승인되어, 다음 기간의 제공기관을 연결하고 있습니다.', en: 'The extension was approved; we are arranging the provider for the next period.' },
  closing: { ko: '서비스 중단 요청을 처리하고 있습니다. 끝나면 이 페이지에 종결로 표시됩니다.', en: 'Your request to stop is being handled; the page will then show the case as closed.' },
  closed: { ko: '서비스가 끝났습니다. 도움이 다시 필요하면 언제든 새로 신청할 수 있습니다.', en: 'The service has ended. If you need help again, you can apply anew at any time.' },
  rejected: { ko: '결정에 동의하지 않으면 아래 안내에 따라 기한 안에 이의신청을 할 수 있습니다.', en: 'If you disagree with the decision, you can appeal by the date below, as explained further down.' },
  failed: { ko: '처리 중 문제가 생겨 담당자가 확인하고 있습니다. 따로 하실 일은 없습니다.', en: 'Something went wrong on our side and staff are looking into it. You need do nothing.' },
} satisfies Record<string, Text>;

export function whatNext(application: Pick<Application, 'status' | 'supplement'>, facts: NextFacts): WhatNext {
  if (facts.closing) return { text: texts.closing };
  const due = (label: Text, on: string | undefined) => (on ? { when: { label, on } } : {});
  switch (application.status) {
    case 'submitted':
    case 'screened':
      return { text: texts.checking };
    case 'awaiting-review':
      if (facts.taskDueOn && facts.taskDueOn < facts.today) return { text: texts.reviewLate };
      return { text: texts.review, ...due(labels.reviewBy, facts.taskDueOn) };
    case 'supplement-requested':
      if (application.supplement?.state === 'answered') return { text: texts.supplementSent };
      return { text: texts.supplement, ...due(labels.supplementBy, facts.supplementDueOn) };
    case 'matching':
      return { text: texts.matching };
    case 'waitlisted':
      return { text: texts.waitlisted };
    case 'matched':
      return { text: texts.matched };
    case 'in-service':
      return facts.nextSessionOn
        ? { text: texts.inService, ...due(labels.nextSession, facts.nextSessionOn) }
        : { text: texts.inService, ...due(labels.periodEnds, facts.periodEndsOn) };
    case 'reassessment':
      return { text: texts.reassessment, ...due(labels.nextSession, facts.nextSessionOn) };
    case 'extended':
      return { text: texts.extended };
    case 'closed':
      return { text: texts.closed };
    case 'rejected':
      return { text: texts.rejected, ...due(labels.appealBy, facts.appealBy) };
    case 'failed':
      return { text: texts.failed };
  }
}
