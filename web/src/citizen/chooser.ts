/** The list of programmes to apply for: the one view that reads every definition. */
import { programmes } from '../../../forms';
import type { Text } from '../../../forms/i18n';
import { focusView, h, show, txt } from '../lib/dom';
import { planText } from '../lib/programme-info';

const ui = {
  choose: { ko: '신청할 사업을 고르세요', en: 'Choose a programme' },
  apply: (name: Text): Text => ({ ko: `${name.ko} 신청서 작성`, en: `Apply: ${name.en}` }),
  notSure: { ko: '어떤 서비스가 맞는지 모르겠다면', en: 'Not sure which service fits?' },
  screener: { ko: '몇 가지 질문으로 알아보기', en: 'Find out with a few questions' },
} as const;

export function showChooser(app: HTMLElement, link: (programme: string | null, label: Text, attributes?: Record<string, string>) => HTMLAnchorElement, focus: boolean): void {
  const heading = txt('h2', ui.choose);
  show(
    app,
    h(
      'section',
      { class: 'chooser' },
      heading,
      h('p', { class: 'notice screener-link' }, ui.notSure, ' ', h('a', { href: 'screener.html', id: 'screener-link' }, ui.screener)),
      h(
        'ul',
        { class: 'programmes' },
        ...programmes.map((p) =>
          h('li', { class: 'programme card', 'data-programme': p.id }, txt('h3', p.name), txt('p', p.summary), txt('p', planText(p), { class: 'plan' }), link(p.id, ui.apply(p.name), { class: 'button' })),
        ),
      ),
    ),
  );
  if (focus) focusView(heading);
}
