/**
 * On the case page: where the application is in its lifecycle — submission, eligibility, review
 * (with any supplement), matching (with the waiting list), service period(s), re-assessment, closure —
 * drawn from its executions' histories (GET …/lifecycle). An ordered list styled as a flow: stages
 * passed are ticked, the current one is marked (aria-current="step"), those ahead are muted. Across
 * on a wide screen, down on a phone.
 */
import type { Text } from '../../../forms/i18n';
import type { Ending, LifecyclePicture, Progress, StageView } from '../../../functions/lifecycle/lifecycle-picture';
import { h, show, txt } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import { problemView } from './page';
import { staffApi } from './session';
import { ui } from './texts';

const words = {
  heading: { ko: '진행 단계', en: 'Lifecycle' },
  progress: {
    done: { ko: '완료', en: 'done' },
    current: { ko: '현재 단계', en: 'current stage' },
    upcoming: { ko: '예정', en: 'ahead' },
    skipped: { ko: '거치지 않음', en: 'not reached' },
  } satisfies Record<Progress, Text>,
  ended: {
    closed: { ko: '이 신청은 종결되었습니다.', en: 'This application is closed.' },
    rejected: { ko: '이 신청은 반려로 종결되었습니다.', en: 'This application ended rejected.' },
    failed: { ko: '처리 중 오류로 멈췄습니다. 감사 기록을 확인하고 운영 담당자에게 알려 주세요.', en: 'It stopped on an error. Check the audit trail and tell the operators.' },
    stopped: { ko: '워크플로가 중단되었습니다. 운영 담당자에게 알려 주세요.', en: 'The workflow was stopped. Tell the operators.' },
  } satisfies Record<Ending, Text>,
  since: { ko: '시작', en: 'from' },
  last: { ko: '최근', en: 'latest' },
  partial: { ko: '기록이 길어 앞부분의 날짜 일부를 생략했습니다.', en: 'The history is long: some early dates are left out.' },
};

const marks: Record<Progress, string> = { done: '✓', current: '●', upcoming: '', skipped: '–' };

/** A day in Seoul, short enough for a column of seven; the time is in the element's title. */
function day(iso: string): Text {
  const date = new Date(iso);
  const format = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Seoul', dateStyle: 'medium' }).format(date);
  return Number.isNaN(date.getTime()) ? { ko: iso, en: iso } : { ko: format('ko-KR'), en: format('en-GB') };
}

function when(iso: string): HTMLElement {
  const full = dateTimeText(iso);
  return h('time', { datetime: iso, title: `${full.ko} · ${full.en}` }, day(iso));
}

function stageItem(stage: StageView, index: number): HTMLLIElement {
  const sameDay = stage.lastAt !== undefined && stage.firstAt !== undefined && day(stage.lastAt).en === day(stage.firstAt).en;
  const dates =
    stage.firstAt && stage.progress !== 'upcoming' ? h('span', { class: 'when' }, when(stage.firstAt), stage.lastAt && !sameDay ? h('span', {}, ' → ', when(stage.lastAt)) : null) : null;
  return h(
    'li',
    { class: `stage ${stage.progress}`, 'data-stage': stage.stage, 'aria-current': stage.progress === 'current' ? 'step' : undefined },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, marks[stage.progress] || String(index + 1)),
    h(
      'span',
      { class: 'what' },
      h('strong', {}, stage.label),
      h('span', { class: 'visually-hidden' }, ' — ', words.progress[stage.progress]),
      stage.progress === 'current' ? txt('span', words.progress.current, { class: 'now', 'aria-hidden': 'true' }) : null,
      dates,
      ...stage.notes.map((note) => h('span', { class: 'note' }, note)),
    ),
  );
}

export function lifecycleView(picture: LifecyclePicture): HTMLElement {
  return h(
    'div',
    {},
    picture.ended ? txt('p', words.ended[picture.ended], { class: picture.ended === 'failed' || picture.ended === 'stopped' ? 'error' : 'hint' }) : null,
    h('ol', { class: 'lifecycle', id: 'lifecycle-stages' }, ...picture.stages.map(stageItem)),
    picture.partial ? txt('p', words.partial, { class: 'hint' }) : null,
  );
}

/** The section, filled when the picture arrives (the rest of the case page does not wait for it). */
export function lifecycleSection(applicationId: string): HTMLElement {
  const body = h('div', { 'aria-busy': 'true' }, txt('p', ui.loading));
  const section = h('section', { id: 'lifecycle', 'aria-labelledby': 'lifecycle-heading' }, txt('h2', words.heading, { id: 'lifecycle-heading' }), body);
  void staffApi<LifecyclePicture>('GET', `/api/staff/applications/${encodeURIComponent(applicationId)}/lifecycle`).then((result) => {
    body.removeAttribute('aria-busy');
    if (!result) return;
    show(body, result.ok ? lifecycleView(result.body) : problemView(result));
  });
  return section;
}
