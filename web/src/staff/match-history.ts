/**
 * "제공기관 매칭" once the application is past review: the stored ranking with its reasons, who was
 * offered the place and how they answered, who is excluded, and the waiting list.
 */
import type { Text } from '../../../forms/i18n';
import { h, txt, type Child } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import { candidateLines, counsellorName, partsView } from './candidate-item';
import type { CaseFile, OfferView } from './types';

const texts = {
  title: { ko: '제공기관 매칭', en: 'Provider matching' },
  pending: { ko: '매칭을 준비하고 있습니다. 후보가 정해지면 여기에 표시됩니다.', en: 'Matching is being prepared; the candidates appear here once ranked.' },
  waiting: { ko: '대기자 명단', en: 'Waiting list' },
  waitingNow: (days: number): Text => ({ ko: `대기 중 · ${days}일째`, en: `Waiting · day ${days}` }),
  waitingSince: { ko: '대기 시작', en: 'Waiting since' },
  proposed: { ko: '사례관리자 선택', en: "Case manager's choice" },
  reserved: { ko: '확보한 자리', en: 'Place held' },
  serving: { ko: '담당 상담사', en: 'Serving counsellor' },
  offers: { ko: '제안 내역', en: 'Offers' },
  noOffers: { ko: '아직 제안한 기관이 없습니다.', en: 'No agency has been offered the place yet.' },
  offeredAt: { ko: '제안', en: 'Offered' },
  answerDue: { ko: '응답 기한', en: 'Answer due' },
  answeredAt: { ko: '응답', en: 'Answered' },
  lapsedAt: { ko: '만료', en: 'Lapsed' },
  nth: (n: number): Text => ({ ko: `${n}차 제안`, en: `Offer ${n}` }),
  agencyNote: { ko: '기관 메모', en: "Agency's note" },
  candidates: { ko: '후보 순위', en: 'Ranking' },
  rankedAt: { ko: '순위 산정', en: 'Ranked' },
  excluded: { ko: '제외된 상담사', en: 'Counsellors excluded' },
  excludedHint: { ko: '거절했거나 응답 기한이 지나 이 신청에는 다시 제안하지 않습니다.', en: 'They declined or let the offer lapse, and are not offered this application again.' },
  proposedTag: { ko: '사례관리자 선택', en: "case manager's choice" },
  excludedTag: { ko: '제외', en: 'excluded' },
};

const offerStates: Record<OfferView['state'], Text> = {
  open: { ko: '대기', en: 'Waiting for the agency' },
  accepted: { ko: '수락', en: 'Accepted' },
  declined: { ko: '거절', en: 'Declined' },
  expired: { ko: '기한 만료', en: 'Lapsed' },
};

const reservationVia: Record<string, Text> = {
  ranking: { ko: '순위대로', en: 'by ranking' },
  proposal: { ko: '사례관리자 제안', en: "case manager's proposal" },
  waitlist: { ko: '대기자 배정', en: 'from the waiting list' },
};

/** Statuses in which matching has started (or is done); before them the panel has nothing to show. */
const matchingStatuses = new Set(['matching', 'waitlisted', 'matched', 'in-service', 'reassessment', 'extended', 'closed']);

function daysSince(iso: string): number {
  return Math.max(1, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000) + 1);
}

export function matchHistory(file: CaseFile, headingLevel: 'h2' | 'h3' = 'h2'): HTMLElement | null {
  const match = file.match;
  const offers = file.offers ?? [];
  if (!match && !offers.length && !matchingStatuses.has(file.status)) return null;
  const heading = h(headingLevel, { id: 'matching-heading' }, texts.title);
  const section = h('section', { class: 'card matching', id: 'matching', 'aria-labelledby': 'matching-heading' }, heading);
  if (!match && !offers.length) {
    section.append(txt('p', texts.pending, { class: 'hint' }));
    return section;
  }
  const names = { ...file.counsellorFirstNames };
  const who = (counsellorId: string) => counsellorName(names[counsellorId], counsellorId);
  const agencyOf = (agencyId: string): Child => file.agencyNames?.[agencyId] ?? match?.candidates.find((c) => c.agencyId === agencyId)?.agencyName ?? agencyId;

  const facts: Child[] = [];
  const fact = (label: Text, ...value: Child[]) => facts.push(h('dt', {}, label), h('dd', {}, ...value));
  if (file.status === 'waitlisted' && match?.waitingSince) {
    fact(texts.waiting, h('strong', { id: 'waiting-state' }, texts.waitingNow(daysSince(match.waitingSince))), ' · ', texts.waitingSince, ' ', h('time', { datetime: match.waitingSince }, dateTimeText(match.waitingSince)));
  } else if (match?.waitingSince) {
    fact(texts.waitingSince, h('time', { datetime: match.waitingSince }, dateTimeText(match.waitingSince)));
  }
  if (match?.proposedCounsellorId) fact(texts.proposed, h('span', { id: 'proposed-counsellor' }, who(match.proposedCounsellorId)));
  if (match?.reservation) {
    const r = match.reservation;
    fact(texts.reserved, who(r.counsellorId), ' · ', agencyOf(r.agencyId), ' · ', reservationVia[r.via] ?? r.via, ' · ', dateTimeText(r.reservedAt));
  }
  if (file.counsellorId && file.providerId) fact(texts.serving, who(file.counsellorId), ' · ', agencyOf(file.providerId));
  if (facts.length) section.append(h('dl', { class: 'facts' }, ...facts));

  section.append(txt('h4', texts.offers));
  section.append(offers.length ? h('ol', { class: 'offers' }, ...offers.map((o, i) => offerItem(o, i + 1, who, agencyOf))) : txt('p', texts.noOffers, { class: 'hint' }));

  if (match?.excludedCounsellorIds.length) {
    section.append(
      txt('h4', texts.excluded),
      h('ul', { class: 'excluded' }, ...match.excludedCounsellorIds.map((id) => h('li', { 'data-counsellor': id }, who(id)))),
      txt('p', texts.excludedHint, { class: 'hint' }),
    );
  }

  if (match?.candidates.length) {
    const excluded = new Set(match.excludedCounsellorIds);
    // Each candidate's latest offer, so the ranking says at a glance who was asked and how it went.
    const lastOffer = new Map(offers.map((o, i) => [o.counsellorId, { offer: o, n: i + 1 }]));
    section.append(
      h('h4', {}, texts.candidates, ' ', h('span', { class: 'tag' }, '(', texts.rankedAt, ' ', dateTimeText(match.rankedAt), ')')),
      h(
        'ol',
        { class: 'candidate-list' },
        ...match.candidates.map((c, i) =>
          h(
            'li',
            { class: `candidate${excluded.has(c.counsellorId) ? ' excluded' : ''}`, 'data-counsellor': c.counsellorId },
            h('p', { class: 'candidate-text' }, ...candidateLines(c, i + 1)),
            h(
              'p',
              { class: 'badges' },
              c.counsellorId === match.proposedCounsellorId ? h('span', { class: 'badge' }, texts.proposedTag) : null,
              lastOffer.has(c.counsellorId) ? offerBadge(lastOffer.get(c.counsellorId)!.offer, lastOffer.get(c.counsellorId)!.n) : null,
              excluded.has(c.counsellorId) && !lastOffer.has(c.counsellorId) ? h('span', { class: 'badge' }, texts.excludedTag) : null,
            ),
            partsView(c),
          ),
        ),
      ),
    );
  }
  return section;
}

/** "2차 제안 · 거절(일정이 맞지 않음)": which offer, and how the agency answered it. */
function offerBadge(o: OfferView, n: number): HTMLElement {
  const declined = o.state === 'declined' && o.declineReasonLabel;
  return h('span', { class: `badge state-${o.state}` }, texts.nth(n), ' · ', offerStates[o.state], declined ? h('span', {}, '(', o.declineReasonLabel!, ')') : null);
}

function offerItem(o: OfferView, n: number, who: (id: string) => Text, agencyOf: (id: string) => Child): HTMLElement {
  const lapsed = o.answer?.via === 'timeout';
  return h(
    'li',
    { class: `offer offer-${o.state}`, 'data-offer': o.offerId, 'data-counsellor': o.counsellorId },
    h('p', {}, h('strong', {}, who(o.counsellorId)), ' · ', agencyOf(o.agencyId)),
    h('p', {}, offerBadge(o, n)),
    h(
      'p',
      { class: 'meta' },
      texts.offeredAt,
      ' ',
      dateTimeText(o.createdAt),
      o.state === 'open' ? h('span', {}, ' · ', texts.answerDue, ' ', dateTimeText(o.dueAt)) : null,
      o.answer ? h('span', {}, ' · ', lapsed ? texts.lapsedAt : texts.answeredAt, ' ', dateTimeText(o.answer.at)) : null,
    ),
    h('p', { class: 'reason' }, o.reason),
    o.answer?.note ? h('p', { class: 'note' }, h('strong', {}, texts.agencyNote, ': '), o.answer.note) : null,
  );
}
