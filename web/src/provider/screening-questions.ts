/**
 * The PHQ-9 and GAD-7 as the counsellor asks them: the item wording of the Korean versions distributed
 * with the instruments (PHQ-9 validated in Korean by 박승진 외, 2010; GAD-7 after Spitzer et al., 2006),
 * item 8 of the PHQ-9 lightly shortened for a phone, and the original English. Words only: the number
 * of items, the 0–3 scale, the bands and the risk rule are DOMAIN.md §4's, scored on the server.
 */
import type { Text } from '../../../forms/i18n';

export type Questionnaire = 'phq9' | 'gad7';

export interface QuestionnaireText {
  id: Questionnaire;
  name: Text;
  /** What each item is answered about. */
  stem: Text;
  items: readonly Text[];
  /** The answers 0–3, short enough for four buttons across a phone. */
  scale: readonly [Text, Text, Text, Text];
}

const stem: Text = {
  ko: '지난 2주 동안 다음 문제들로 얼마나 자주 방해를 받았습니까?',
  en: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
};

export const phq9Text: QuestionnaireText = {
  id: 'phq9',
  name: { ko: 'PHQ-9(우울)', en: 'PHQ-9 (depression)' },
  stem,
  items: [
    { ko: '일 또는 여가 활동을 하는 데 흥미나 즐거움을 느끼지 못함', en: 'Little interest or pleasure in doing things' },
    { ko: '기분이 가라앉거나, 우울하거나, 희망이 없음', en: 'Feeling down, depressed, or hopeless' },
    { ko: '잠이 들거나 계속 잠을 자는 것이 어려움, 또는 잠을 너무 많이 잠', en: 'Trouble falling or staying asleep, or sleeping too much' },
    { ko: '피곤하다고 느끼거나 기운이 거의 없음', en: 'Feeling tired or having little energy' },
    { ko: '입맛이 없거나 과식을 함', en: 'Poor appetite or overeating' },
    {
      ko: '자신을 부정적으로 봄 — 혹은 자신이 실패자라고 느끼거나 자신 또는 가족을 실망시킴',
      en: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    },
    { ko: '신문을 읽거나 텔레비전 보는 것과 같은 일에 집중하는 것이 어려움', en: 'Trouble concentrating on things, such as reading the newspaper or watching television' },
    {
      ko: '다른 사람들이 알아챌 정도로 너무 느리게 움직이거나 말을 함, 또는 반대로 너무 안절부절못하거나 들떠서 평소보다 많이 움직임',
      en: 'Moving or speaking so slowly that other people could have noticed, or the opposite — being so fidgety or restless that you move around a lot more than usual',
    },
    {
      ko: '자신이 죽는 것이 더 낫다고 생각하거나 어떤 식으로든 자신을 해칠 것이라고 생각함',
      en: 'Thoughts that you would be better off dead, or of hurting yourself in some way',
    },
  ],
  scale: [
    { ko: '전혀 아님', en: 'Not at all' },
    { ko: '며칠 동안', en: 'Several days' },
    { ko: '7일 이상', en: 'More than half the days' },
    { ko: '거의 매일', en: 'Nearly every day' },
  ],
};

export const gad7Text: QuestionnaireText = {
  id: 'gad7',
  name: { ko: 'GAD-7(불안)', en: 'GAD-7 (anxiety)' },
  stem,
  items: [
    { ko: '초조하거나 불안하거나 조마조마하게 느낀다', en: 'Feeling nervous, anxious, or on edge' },
    { ko: '걱정하는 것을 멈추거나 조절할 수가 없다', en: 'Not being able to stop or control worrying' },
    { ko: '여러 가지 것들에 대해 걱정을 너무 많이 한다', en: 'Worrying too much about different things' },
    { ko: '편하게 있기가 어렵다', en: 'Trouble relaxing' },
    { ko: '너무 안절부절못해서 가만히 있기가 힘들다', en: 'Being so restless that it is hard to sit still' },
    { ko: '쉽게 짜증이 나거나 쉽게 성을 내게 된다', en: 'Becoming easily annoyed or irritable' },
    { ko: '마치 끔찍한 일이 생길 것처럼 두렵게 느껴진다', en: 'Feeling afraid, as if something awful might happen' },
  ],
  scale: [
    { ko: '전혀 아님', en: 'Not at all' },
    { ko: '며칠 동안', en: 'Several days' },
    { ko: '절반 이상', en: 'More than half the days' },
    { ko: '거의 매일', en: 'Nearly every day' },
  ],
};

export const questionnaires = [phq9Text, gad7Text] as const;
