import { describe, expect, it } from 'vitest';
import type { Application } from '../../../functions/applications/application';
import type { ProviderOffer } from '../../../functions/matching/offer';
import type { Place } from '../../../functions/matching/places';
import { caseloadEntry, offerCard } from '../../../functions/provider-portal/portal-views';
import { childExample, parentExample, patched, youthExample } from '../../support/answers';

const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const offerId = `${applicationId}.abcdefghijklmnop`;

/** An application as stored, with everything the portal must never pass on. */
function application(programme: Application['programme'], answers: Record<string, unknown>): Application {
  const { rrn: _rrn, ...stored } = answers;
  return {
    id: applicationId,
    receiptNumber: 'DB-2026-7K3M9Q2X',
    programme,
    programmeVersion: '2026.1',
    district: '11110',
    status: 'matching',
    period: 1,
    createdAt: '2026-03-02T01:15:00.000Z',
    updatedAt: '2026-03-02T01:15:03.000Z',
    answers: { ...stored, applicant: { ...(stored.applicant as object), phone: '010-1234-5678' } },
    consents: { general: { version: '2026.1', agreedAt: '2026-03-02T01:15:00.000Z' }, sensitive: { version: '2026.1', agreedAt: '2026-03-02T01:15:00.000Z' } },
    rrn: { sealed: { v: 1, keyId: 'local', edk: 'EDK', iv: 'IV', ct: 'SEALED', tag: 'TAG' } as never, masked: '140903-3******' },
    eligibility: { outcome: 'eligible', reasons: [{ ko: '소득 기준 충족', en: 'Income within the limit' }] },
    accessCodeHash: 'hash-of-the-access-code',
  };
}

function offer(programme: string, serviceType: string, fields: Partial<ProviderOffer> = {}): ProviderOffer {
  return {
    offerId,
    applicationId,
    period: 1,
    agencyId: 'P-MAEUMSUP',
    counsellorId: 'C-0001',
    programme,
    serviceType,
    district: '11110',
    state: 'open',
    createdAt: '2026-03-03T00:00:00.000Z',
    dueAt: '2026-03-05T00:00:00.000Z',
    timeoutAt: '2026-03-10T00:00:00.000Z',
    heartbeatSeconds: 172800,
    taskToken: 'SECRET-TASK-TOKEN',
    score: 87,
    reason: { ko: '같은 구, 야간 가능', en: 'Same district, evenings possible' },
    ...fields,
  };
}

/** Every leaf's dot path ('person.name'), arrays by index. */
function paths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, v]) => paths(v, prefix ? `${prefix}.${key}` : key));
}

const text = (path: string) => [`${path}.ko`, `${path}.en`];

/** Everything the portal may show of an open offer; nothing about the applicant beyond name and contact. */
const offerKeys = [
  'offerId', 'state', 'period', 'createdAt', 'dueAt', 'timeoutAt',
  'programme.id', ...text('programme.name'), 'serviceType.id', ...text('serviceType.label'), ...text('cadence'),
  'district.code', ...text('district.name'), 'counsellor.counsellorId', 'counsellor.name', ...text('reason'),
];

/** Strings that must appear nowhere in what the portal answers. */
function forbiddenValues(app: Application): string[] {
  const answers = app.answers as Record<string, any>;
  return [
    app.rrn!.masked, 'SEALED', app.accessCodeHash, app.receiptNumber, 'SECRET-TASK-TOKEN',
    answers.applicant.birthDate, answers.applicant.address, answers.applicant.email, answers.child?.birthDate,
    '소득 기준 충족', '140903', '1409033123456', '5000000', '6000000',
  ].filter((v): v is string => typeof v === 'string');
}

describe('offerCard', () => {
  it('shows a child programme offer with the child and the applying parent to call, and nothing more', () => {
    const app = application('child-adolescent', childExample);
    const card = offerCard(offer('child-adolescent', 'play-therapy'), '정상담', app);
    expect(paths(card).sort()).toEqual(
      [...offerKeys, 'person.name', 'guardian.name', 'guardian.phone', ...text('guardian.relation')].sort(),
    );
    expect(card.person).toEqual({ name: '이하준' });
    expect(card.guardian).toEqual({ name: '김서연', phone: '010-1234-5678', relation: { ko: '부모', en: 'Parent' } });
    expect(card.serviceType.label.ko).toBe('놀이심리');
    expect(card.programme.name.ko).toBe('아동·청소년 심리지원서비스');
    expect(card.cadence?.ko).toBe('월 4회, 회당 50분');
    expect(card.district.name.ko).toBe('종로구');
    const json = JSON.stringify(card);
    for (const value of forbiddenValues(app)) expect(json, value).not.toContain(value);
  });

  it('shows a youth offer with the young person and their phone, no guardian', () => {
    const app = application('youth', youthExample);
    const card = offerCard(offer('youth', 'youth-counselling'), '정상담', app);
    expect(paths(card).sort()).toEqual([...offerKeys, 'person.name', 'person.phone'].sort());
    expect(card.person).toEqual({ name: '최민준', phone: '010-1234-5678' });
    const json = JSON.stringify(card);
    for (const value of [...forbiddenValues(app), 'anxiety', 'counsellorType', 'leavingCare']) expect(json, value).not.toContain(value);
  });

  it("adds an under-14 parent applicant's legal guardian as the contact", () => {
    const answers = patched(parentExample, { guardian: { name: '박보호', relation: 'grandparent', phone: '010-2222-3333' } });
    const card = offerCard(offer('parent', 'parent-counselling'), undefined, application('parent', answers));
    expect(card.person).toEqual({ name: '박지민', phone: '010-1234-5678' });
    expect(card.guardian).toEqual({ name: '박보호', phone: '010-2222-3333', relation: { ko: '조부모', en: 'Grandparent' } });
    expect(JSON.stringify(card)).not.toMatch(/children|basis|EmotionalProblem|2019-05-01/);
  });

  it('tolerates a counsellor missing from the registry: the id, no name', () => {
    const card = offerCard(offer('youth', 'youth-counselling'), undefined, application('youth', youthExample));
    expect(card.counsellor).toEqual({ counsellorId: 'C-0001' });
  });

  it('keeps a declined offer’s facts and answer but not who it was for, nor the token or answer id', () => {
    const declined = offer('youth', 'youth-counselling', {
      state: 'declined',
      acknowledgedAt: '2026-03-03T02:00:00.000Z',
      answer: {
        id: 'ANSWER-ID-BINDS-TOKEN',
        decision: 'decline',
        reason: 'schedule',
        note: '평일 오전만 가능',
        via: 'portal',
        by: { kind: 'staff', userId: 'provider.maeum', groups: ['provider'], sourceIp: '10.1.2.3' },
        at: '2026-03-03T03:00:00.000Z',
      },
    });
    const card = offerCard(declined, '정상담', application('youth', youthExample));
    expect(card.person).toBeUndefined();
    expect(card.guardian).toBeUndefined();
    expect(paths(card).sort()).toEqual(
      [...offerKeys, 'acknowledgedAt', 'answer.decision', 'answer.reason', ...text('answer.reasonLabel'), 'answer.note', 'answer.at', 'answer.by'].sort(),
    );
    expect(card.answer).toMatchObject({ decision: 'decline', reason: 'schedule', reasonLabel: { ko: '일정이 맞지 않음' }, by: 'provider.maeum' });
    expect(JSON.stringify(card)).not.toMatch(/ANSWER-ID-BINDS-TOKEN|SECRET-TASK-TOKEN|10\.1\.2\.3|최민준/);
  });
});

describe('caseloadEntry', () => {
  const place: Place = { agencyId: 'P-MAEUMSUP', counsellorId: 'C-0001', applicationId, programme: 'child-adolescent', state: 'serving', reservedAt: '2026-03-03T00:00:00.000Z', servingSince: '2026-03-04T00:00:00.000Z' };

  it('shows a case with its status, person, contact, programme, service type, counsellor and period, and nothing more', () => {
    const app = {
      ...application('child-adolescent', childExample),
      status: 'in-service' as const,
      providerId: 'P-MAEUMSUP',
      counsellorId: 'C-0001',
      servicePeriod: { period: 1, startsAt: '2026-03-04T00:00:00.000Z', endsAt: '2027-03-04T00:00:00.000Z', sessionsHeld: 3 },
    };
    const entry = caseloadEntry(place, app, '정상담', { serviceType: 'speech' });
    expect(paths(entry).sort()).toEqual(
      [
        'applicationId', 'state', 'status', ...text('statusLabel'), 'person.name', 'guardian.name', 'guardian.phone', ...text('guardian.relation'),
        'programme.id', ...text('programme.name'), 'serviceType.id', ...text('serviceType.label'), ...text('cadence'),
        'counsellor.counsellorId', 'counsellor.name', 'reservedAt', 'servingSince',
        'servicePeriod.period', 'servicePeriod.startsAt', 'servicePeriod.endsAt',
      ].sort(),
    );
    expect(entry.serviceType?.label.ko).toBe('언어');
    expect(entry.statusLabel.ko).toBe('서비스 이용 중');
    const json = JSON.stringify(entry);
    for (const value of forbiddenValues(app)) expect(json, value).not.toContain(value);
  });

  it("falls back to the form's service type when no offer is found", () => {
    const entry = caseloadEntry({ ...place, state: 'offered', servingSince: undefined }, application('child-adolescent', childExample), undefined);
    expect(entry.serviceType?.id).toBe('play-therapy');
    expect(entry.state).toBe('offered');
    expect(entry.counsellor).toEqual({ counsellorId: 'C-0001' });
  });
});
