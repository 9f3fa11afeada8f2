/** The words of bulk decisions (선택한 업무 일괄 결정): the queue's selection, the dialog, the job's page. */
import type { Text } from '../../../../forms/i18n';

export const bulkText = {
  select: { ko: '선택', en: 'Select' },
  selectRow: (receipt: string): Text => ({ ko: `${receipt} 선택`, en: `Select ${receipt}` }),
  selectPage: { ko: '이 쪽의 검토 업무 모두 선택', en: 'Select every review task on this page' },
  decideSelected: (n: number): Text => ({ ko: `선택한 ${n}건 일괄 결정`, en: `Decide the ${n} selected at once` }),
  clearSelection: { ko: '선택 해제', en: 'Clear selection' },
  selectionHint: { ko: '열린 검토 업무만 고를 수 있습니다. 한 번에 100건까지.', en: 'Only open review tasks can be chosen, up to 100 at once.' },
  dialogTitle: (n: number): Text => ({ ko: `선택한 ${n}건 일괄 결정`, en: `Decide ${n} tasks at once` }),
  dialogHint: {
    ko: '각 사례마다 한 건씩 결정할 때와 같은 확인을 거칩니다. 이미 처리되었거나 담당 구역이 아닌 사례는 결정하지 않고 결과에 이유를 보여 드립니다.',
    en: 'Each case goes through the same checks as deciding it on its own. A case already decided, or not of your districts, is left as it is, with the reason in the results.',
  },
  decision: { ko: '결정', en: 'Decision' },
  note: { ko: '메모 (필수, 각 사례의 결정 기록에 남습니다)', en: 'Note (required, kept on each case’s decision)' },
  noteMissing: { ko: '메모를 적어 주세요. 각 사례에 남습니다.', en: 'Write a note: it is kept on each case.' },
  chooseDecision: { ko: '승인 또는 반려를 고르세요.', en: 'Choose approve or reject.' },
  start: (n: number): Text => ({ ko: `${n}건 결정 시작`, en: `Decide ${n}` }),
  cancel: { ko: '취소', en: 'Cancel' },
  sending: { ko: '보내는 중…', en: 'Sending…' },
  jobTitle: { ko: '일괄 결정 진행 상황', en: 'Bulk decision progress' },
  progress: (done: number, total: number): Text => ({ ko: `${total}건 중 ${done}건 처리됨.`, en: `${done} of ${total} done.` }),
  finished: { ko: '모두 처리되었습니다.', en: 'All done.' },
  running: { ko: '처리 중입니다. 이 화면은 저절로 새로 고쳐집니다.', en: 'In progress: this page updates itself.' },
  summary: (c: { applied: number; alreadyDecided: number; refused: number; notDone: number }): Text => ({
    ko: `결정됨 ${c.applied} · 이미 처리됨 ${c.alreadyDecided} · 결정 불가 ${c.refused} · 오류 ${c.notDone}`,
    en: `Decided ${c.applied} · already decided ${c.alreadyDecided} · not decided ${c.refused} · failed ${c.notDone}`,
  }),
  case: { ko: '사례', en: 'Case' },
  result: { ko: '결과', en: 'Result' },
  reason: { ko: '사유', en: 'Reason' },
  unnamedCase: { ko: '(볼 수 없는 업무)', en: '(a task you cannot see)' },
  backToQueue: { ko: '← 업무 목록', en: '← Work queue' },
};
