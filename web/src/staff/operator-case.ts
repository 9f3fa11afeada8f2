/**
 * An application as an operator sees it: they open no case file (every district, never a person's
 * data), so only its lifecycle — stages and dates — and the resume of an application stopped on a
 * processing error, once its cause is fixed (the server answers 409 for one that is not stopped).
 * Reached by the application id of the alarm's log line: #/applications/{id}.
 */
import type { Text } from '../../../forms/i18n';
import { focusView, h, show, txt } from '../lib/dom';
import { lifecycleSection } from './lifecycle-view';
import { app } from './page';
import { resumeForm } from './resume-view';

const texts = {
  heading: { ko: '신청', en: 'Application' },
  toDashboard: { ko: '대시보드로', en: 'To the dashboard' },
  only: {
    ko: '운영 담당자는 신청서 내용을 보지 않습니다. 진행 단계에서 “처리 중 오류로 멈췄습니다”가 보이면, 원인을 고친 뒤 재개하세요.',
    en: 'Operators do not see the application itself. When the lifecycle says it stopped on an error, resume it once the cause is fixed.',
  },
} satisfies Record<string, Text>;

export function showOperatorCase(applicationId: string): void {
  const heading = h('h1', {}, texts.heading, ' ', h('span', { class: 'code' }, applicationId));
  const reload = () => showOperatorCase(applicationId);
  show(
    app,
    h('p', {}, h('a', { href: '#/dashboard' }, texts.toDashboard)),
    heading,
    txt('p', texts.only, { class: 'hint' }),
    lifecycleSection(applicationId),
    h('section', { class: 'resume card', id: 'resume' }, resumeForm(applicationId, reload)),
  );
  focusView(heading);
}
