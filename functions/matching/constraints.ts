import type { Text } from '../../forms/i18n';
import { basicTrainingDone, freePlaces, qualifiedFor, youthVoucherTypesOf, type CounsellorForMatching } from '../providers/registry';
import type { MatchRequest } from './match-types';

/**
 * The hard constraints of a match (issue 7, DOMAIN.md §3): a counsellor who fails one is never a
 * candidate, whatever their score. `class` constraints read only what `counsellorClassKey` and
 * `requestClassKey` (score.ts) hold, so the waitlist batch can decide them once per class pair;
 * `counsellor` constraints read the counsellor's own capacity and the application's own history.
 */
export interface Constraint {
  name: string;
  scope: 'class' | 'counsellor';
  /** What must hold, for staff asking why someone was not proposed. */
  label: Text;
  holds(request: MatchRequest, counsellor: CounsellorForMatching, on: string): boolean;
}

export const constraints = [
  {
    name: 'active',
    scope: 'class',
    label: { ko: '활동 중인 상담사', en: 'The counsellor is active' },
    holds: (_request, counsellor) => counsellor.active,
  },
  {
    name: 'agency-programme',
    scope: 'class',
    label: { ko: '제공기관이 해당 사업을 제공', en: 'The agency offers the programme' },
    holds: (request, counsellor) => (counsellor.agencyProgrammes as readonly string[]).includes(request.programme),
  },
  {
    name: 'agency-service-type',
    scope: 'class',
    label: { ko: '제공기관이 해당 서비스를 제공', en: 'The agency offers the service type' },
    holds: (request, counsellor) => counsellor.agencyServiceTypes.includes(request.serviceType),
  },
  {
    name: 'basic-training',
    scope: 'class',
    label: { ko: '해당 사업 기본교육 이수', en: 'Basic training for the programme done' },
    holds: (request, counsellor, on) => basicTrainingDone(counsellor.trainings, request.programme, on),
  },
  {
    name: 'qualification',
    scope: 'class',
    label: { ko: '서비스에 맞는 자격', en: 'Qualified for the service type' },
    holds: (request, counsellor) => qualifiedFor(counsellor.qualifications, request.serviceType),
  },
  {
    name: 'youth-voucher-type',
    scope: 'class',
    label: { ko: '청년 바우처 유형(A/B)에 맞는 자격', en: 'Qualified for the youth voucher type (A/B)' },
    holds: (request, counsellor) => request.voucherType === undefined || youthVoucherTypesOf(counsellor.qualifications).includes(request.voucherType),
  },
  {
    name: 'free-places',
    scope: 'counsellor',
    label: { ko: '남은 자리 있음', en: 'Has a free place' },
    holds: (_request, counsellor) => freePlaces(counsellor) > 0,
  },
  {
    name: 'not-excluded',
    scope: 'counsellor',
    label: { ko: '이 신청을 거절·만료한 적 없음', en: 'Has not declined or let lapse an offer for this application' },
    holds: (request, counsellor) => !request.excludedCounsellorIds.includes(counsellor.counsellorId),
  },
] as const satisfies readonly Constraint[];

export type ConstraintName = (typeof constraints)[number]['name'];

/** The names of the constraints a counsellor fails for a request, on a day (ISO); empty when they fit. */
export function unmetConstraints(request: MatchRequest, counsellor: CounsellorForMatching, on: string): ConstraintName[] {
  return constraints.filter((c) => !c.holds(request, counsellor, on)).map((c) => c.name);
}

/** Whether a counsellor meets every hard constraint for a request, on a day (ISO). */
export function fits(request: MatchRequest, counsellor: CounsellorForMatching, on: string): boolean {
  return constraints.every((c) => c.holds(request, counsellor, on));
}

/** Whether the class constraints hold: all but free places and exclusions, which the batch tracks itself. */
export function fitsClass(request: MatchRequest, counsellor: CounsellorForMatching, on: string): boolean {
  return constraints.every((c) => c.scope !== 'class' || c.holds(request, counsellor, on));
}
