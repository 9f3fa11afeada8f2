/**
 * "제공기관 매칭" while the application is in review: the live ranking, and the case manager's choice
 * of whom the place is offered to first, sent with 승인. The first candidate is chosen until someone
 * picks another; nothing is reserved until the workflow matches after approval.
 */
import { h, show, txt } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import { candidateLines, partsView } from './candidate-item';
import { problemView } from './page';
import { staffApi } from './session';
import { ui } from './texts';
import type { CandidateList, CandidateView } from './types';

const texts = {
  legend: { ko: '먼저 제안할 상담사', en: 'Counsellor to offer the place to first' },
  hint: {
    ko: '승인하면 고른 상담사에게 먼저 자리를 제안합니다. 그 사이 자리가 찼거나 거절하면 다음 순위 후보에게 제안합니다.',
    en: 'On approval the place is offered to the counsellor chosen here first; if their places have filled meanwhile, or they decline, the next candidate gets the offer.',
  },
  rankedAt: { ko: '순위 기준 시각', en: 'Ranked at' },
  refresh: { ko: '후보 새로 고침', en: 'Refresh candidates' },
  none: {
    ko: '지금은 조건에 맞고 자리가 있는 상담사가 없습니다. 승인하면 자리가 날 때까지 대기자 명단에서 기다립니다.',
    en: 'No counsellor who fits has a free place right now. On approval the application waits on the waiting list until one does.',
  },
  top: (n: number) => ({ ko: `상위 ${n}명`, en: `Top ${n}` }),
  more: (n: number) => ({ ko: `후보 ${n}명 더 보기`, en: `Show ${n} more candidates` }),
};

/** Candidates shown before "더 보기": most approvals take one of the first few, and 승인 sits below the list. */
const SHOWN_FIRST = 3;

export interface MatchChoice {
  element: HTMLElement;
  /** The candidate chosen; undefined while loading, when loading failed, or when there is none. */
  chosen(): CandidateView | undefined;
  /** Whether the ranking is on its way, has answered (with candidates or none), or could not be had. */
  state(): 'loading' | 'ready' | 'failed';
  /** Runs whenever the list or the choice changes. */
  onChange(listener: () => void): void;
  /** Ranks again, keeping the choice when that counsellor is still a candidate. */
  reload(): Promise<void>;
  /** Brings the list into view and puts the focus on the chosen candidate. */
  focus(): void;
}

export function matchChoice(applicationId: string, headingLevel: 'h2' | 'h3' = 'h2'): MatchChoice {
  const listeners: (() => void)[] = [];
  let candidates: CandidateView[] | undefined;
  let chosenId: string | undefined;
  let state: 'loading' | 'ready' | 'failed' = 'loading';
  const changed = () => listeners.forEach((listener) => listener());

  const heading = h(headingLevel, { id: 'matching-heading' }, { ko: '제공기관 매칭', en: 'Provider matching' });
  const body = h('div', { class: 'match-body', 'aria-live': 'polite' }, txt('p', ui.loading));
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'refresh-candidates' }, texts.refresh);
  const element = h('section', { class: 'card matching', id: 'matching', 'aria-labelledby': 'matching-heading' }, h('div', { class: 'toolbar' }, heading, refresh), h('p', { class: 'hint' }, texts.hint), body);

  function radios(): HTMLInputElement[] {
    return Array.from(body.querySelectorAll<HTMLInputElement>('input[name="proposed-counsellor"]'));
  }

  function render(list: CandidateList): void {
    candidates = list.candidates;
    if (!candidates.some((c) => c.counsellorId === chosenId)) chosenId = candidates[0]?.counsellorId;
    if (!candidates.length) return show(body, h('p', { class: 'notice', id: 'no-candidates' }, texts.none));
    const items = candidates.map((c, i) => {
      const id = `candidate-${i}`;
      const radio = h('input', { type: 'radio', name: 'proposed-counsellor', id, value: c.counsellorId, checked: c.counsellorId === chosenId });
      radio.addEventListener('change', () => {
        chosenId = c.counsellorId;
        changed();
      });
      return h('li', { class: 'candidate', 'data-counsellor': c.counsellorId }, h('div', { class: 'choice' }, radio, h('label', { for: id }, ...candidateLines(c, i + 1))), partsView(c));
    });
    // The rest fold away, unless the one chosen is among them.
    const folded = items.slice(SHOWN_FIRST);
    const chosenIndex = candidates.findIndex((c) => c.counsellorId === chosenId);
    const more = folded.length && chosenIndex < SHOWN_FIRST ? h('button', { type: 'button', class: 'secondary', id: 'more-candidates' }, texts.more(folded.length)) : null;
    if (more) {
      folded.forEach((item) => (item.hidden = true));
      more.addEventListener('click', () => {
        folded.forEach((item) => (item.hidden = false));
        more.remove();
        folded[0]?.querySelector('input')?.focus();
      });
    }
    show(
      body,
      h(
        'fieldset',
        { class: 'choices candidates' },
        h('legend', {}, texts.legend, ' ', h('span', { class: 'tag' }, '(', texts.top(candidates.length), ')')),
        h('ol', { class: 'candidate-list' }, ...items),
        more,
      ),
      h('p', { class: 'hint' }, texts.rankedAt, ': ', h('time', { datetime: list.rankedAt }, dateTimeText(list.rankedAt))),
    );
  }

  async function load(): Promise<void> {
    candidates = undefined;
    state = 'loading';
    refresh.setAttribute('aria-disabled', 'true');
    show(body, txt('p', ui.loading));
    changed();
    const result = await staffApi<CandidateList>('GET', `/api/staff/applications/${applicationId}/candidates`);
    refresh.setAttribute('aria-disabled', 'false');
    if (!result) return;
    state = result.ok ? 'ready' : 'failed';
    if (!result.ok) show(body, problemView(result));
    else render(result.body);
    changed();
  }
  refresh.addEventListener('click', () => {
    if (refresh.getAttribute('aria-disabled') !== 'true') void load();
  });
  void load();

  return {
    element,
    chosen: () => candidates?.find((c) => c.counsellorId === chosenId),
    state: () => state,
    onChange: (listener) => listeners.push(listener),
    reload: load,
    focus: () => {
      const target = radios().find((r) => r.checked) ?? heading;
      element.scrollIntoView({ block: 'start' });
      target.focus();
    },
  };
}
