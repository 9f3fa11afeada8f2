/**
 * Keeping the two codes: the receipt number and the access code the citizen just typed, with a copy
 * button (its result said aloud through a status region) and a print button (print.css leaves the
 * codes, the status and the timeline on paper). The access code is shown only here, after the
 * citizen entered it — never in the address.
 */
import { h, show, txt } from '../lib/dom';
import { t } from '../lib/i18n';

const ui = {
  heading: { ko: '접수번호와 접근 코드 보관', en: 'Keep your numbers' },
  hint: { ko: '다시 조회하려면 두 가지가 모두 필요합니다. 복사해 두거나 인쇄해 두세요.', en: 'You need both to look your application up again. Copy them or print this page.' },
  receiptNumber: { ko: '접수번호', en: 'Receipt number' },
  accessCode: { ko: '접근 코드', en: 'Access code' },
  copy: { ko: '접수번호와 접근 코드 복사', en: 'Copy receipt number and access code' },
  print: { ko: '이 페이지 인쇄', en: 'Print this page' },
  copied: { ko: '복사했습니다. 메모장이나 메시지에 붙여 넣어 보관하세요.', en: 'Copied. Paste them into a note or message to keep them.' },
  notCopied: { ko: '복사하지 못했습니다. 위 두 가지를 직접 적어 두세요.', en: 'Could not copy. Please write both down.' },
} as const;

export function receiptKeeper(receiptNumber: string, accessCode: string): HTMLElement {
  const said = h('p', { role: 'status', id: 'copy-status', class: 'success' });
  const copy = h('button', { type: 'button', class: 'secondary', id: 'copy-codes' }, ui.copy);
  const print = h('button', { type: 'button', class: 'secondary', id: 'print-page' }, ui.print);
  copy.addEventListener('click', async () => {
    const text = `${t(ui.receiptNumber)}: ${receiptNumber}\n${t(ui.accessCode)}: ${accessCode}`;
    try {
      await navigator.clipboard.writeText(text);
      show(said, ui.copied);
      said.className = 'success';
    } catch {
      show(said, ui.notCopied);
      said.className = 'error';
    }
  });
  print.addEventListener('click', () => window.print());
  return h(
    'section',
    { class: 'receipt-keeper', id: 'receipt-keeper', 'aria-labelledby': 'receipt-keeper-heading' },
    txt('h3', ui.heading, { id: 'receipt-keeper-heading' }),
    h(
      'dl',
      { class: 'codes' },
      txt('dt', ui.receiptNumber),
      h('dd', { class: 'code', id: 'kept-receipt-number' }, receiptNumber),
      txt('dt', ui.accessCode),
      h('dd', { class: 'code', id: 'kept-access-code' }, accessCode),
    ),
    txt('p', ui.hint, { class: 'hint' }),
    h('div', { class: 'actions no-print' }, copy, print),
    said,
  );
}
