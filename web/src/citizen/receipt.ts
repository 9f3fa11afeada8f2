/** What the citizen sees once the application is in: the two codes to write down, and what comes next. */
import type { AnyProgramme } from '../../../forms';
import { h, show, txt, focusView } from '../lib/dom';
import { documentList } from '../lib/programme-info';

export interface Receipt {
  applicationId: string;
  receiptNumber: string;
  accessCode: string;
}

const ui = {
  received: { ko: '신청이 접수되었습니다', en: 'Your application has been received' },
  receiptNumber: { ko: '접수번호', en: 'Receipt number' },
  accessCode: { ko: '접근 코드', en: 'Access code' },
  noteThem: { ko: '지금 꼭 적어 두세요.', en: 'Write these down now.' },
  noteWhy: {
    ko: '진행 상황을 조회하려면 접수번호와 접근 코드가 모두 필요합니다. 접근 코드는 다시 보여 드릴 수 없고 찾을 수도 없습니다.',
    en: 'You need both the receipt number and the access code to check your application. The access code cannot be shown again or recovered.',
  },
  documents: { ko: '준비할 서류', en: 'Documents to prepare' },
  documentsLater: {
    ko: '서류는 신청 후 담당자가 안내하는 방법으로 제출합니다.',
    en: 'After you apply, a case manager tells you how to hand in the documents.',
  },
  statusLink: { ko: '진행 상황 조회', en: 'Check the status' },
} as const;

export function showReceipt(app: HTMLElement, programme: AnyProgramme, receipt: Receipt): void {
  const heading = txt('h2', ui.received, { id: 'receipt-title' });
  show(
    app,
    h(
      'section',
      { class: 'receipt card', 'aria-labelledby': 'receipt-title' },
      heading,
      txt('p', programme.name),
      h(
        'dl',
        { class: 'codes' },
        txt('dt', ui.receiptNumber),
        h('dd', { id: 'receipt-number', class: 'code' }, receipt.receiptNumber),
        txt('dt', ui.accessCode),
        h('dd', { id: 'access-code', class: 'code' }, receipt.accessCode),
      ),
      h('div', { class: 'warning', role: 'note', id: 'note-codes' }, h('strong', {}, ui.noteThem), ' ', ui.noteWhy),
      txt('h3', ui.documents),
      documentList(programme),
      txt('p', ui.documentsLater),
      h('p', {}, h('a', { href: `status.html?receipt=${encodeURIComponent(receipt.receiptNumber)}`, class: 'button' }, ui.statusLink)),
    ),
  );
  focusView(heading);
}
