/** What a programme offers and asks for, in words: shared by the citizen portal and the case file. */
import type { AnyProgramme, DocumentRequirement } from '../../../forms';
import type { Text } from '../../../forms/i18n';
import { h } from './dom';

export function planText(programme: AnyProgramme): Text {
  const { plan } = programme;
  return {
    ko: `${plan.cadence.ko} · 한 번에 ${plan.periodMonths}개월, 재판정으로 최대 ${plan.maxMonths}개월`,
    en: `${plan.cadence.en} · ${plan.periodMonths} months at a time, up to ${plan.maxMonths} months after re-assessment`,
  };
}

function documentItem(document: DocumentRequirement): HTMLLIElement {
  const condition: Text = document.required
    ? { ko: '필수', en: 'required' }
    : document.when
      ? { ko: `해당 시: ${document.when.ko}`, en: `if: ${document.when.en}` }
      : { ko: '선택', en: 'optional' };
  const age: Text | null = document.maxAgeMonths
    ? { ko: `, 발급 ${document.maxAgeMonths}개월 이내`, en: `, issued within ${document.maxAgeMonths} months` }
    : null;
  return h('li', { 'data-document': document.id }, document.label, ' (', condition, age, ')');
}

export function documentList(programme: AnyProgramme): HTMLUListElement {
  return h('ul', { class: 'documents' }, ...programme.documents.map(documentItem));
}
