/** The list of programmes to apply for: the one view that reads every definition. */
import { programmes } from '../../../forms';
import type { Text } from '../../../forms/i18n';
import { focusView, h, show, txt } from '../lib/dom';
import { planText } from '../lib/programme-info';

const ui = {
  choose: { ko: '신청할 사업을 고르세요', en: 'Choose a programme' },
  apply: (name: Text): Text => ({ ko: `${name.ko} 신청서 작성`, en: `Apply: ${name.en}` }),
} as const;

export function showChooser(app: HTMLElement, link: (programme: string | null, label: Text, attributes?: Record<string, string>) => HTMLAnchorElement, focus: boolean): void {
  const heading = txt('h2', ui.choose);
  show(
    app,
    h(
      'section',
      { class: 'chooser' },
      heading,
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
