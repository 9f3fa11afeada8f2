import { getProgrammeTerms } from '../../forms/terms';
import { answerAt } from '../../forms/answers';
import { preferencesSchema } from '../../forms/common';
import { isDistrictCode } from '../../forms/districts';
import type { Application } from '../applications/application';
import type { MatchPreferences, MatchRequest } from './match-types';

/** What matching needs besides the application: from eligibility, the waitlist and earlier offers. */
export interface MatchContext {
  /** The eligibility priority rank (`priorityRankOf(application.eligibility)`). */
  rank: number;
  waitingSince: string;
  previousCounsellorId?: string;
  excludedCounsellorIds: readonly string[];
}

/**
 * The match request of an application: the programme, district, service type, youth voucher type and
 * preferences read from its answers — nothing that names or reaches the person, and no income.
 */
export function matchRequestOf(application: Pick<Application, 'id' | 'programme' | 'district' | 'answers'>, context: MatchContext): MatchRequest {
  const programme = getProgrammeTerms(application.programme);
  if (!isDistrictCode(application.district)) throw new RangeError(`application ${application.id} has no Seoul district`);
  const voucherType = voucherTypeOf(application.answers);
  return {
    applicationId: application.id,
    programme: programme.id,
    district: application.district,
    serviceType: programme.serviceTypeOf(application.answers),
    ...(voucherType ? { voucherType } : {}),
    preferences: preferencesOf(application.answers),
    ...(context.previousCounsellorId ? { previousCounsellorId: context.previousCounsellorId } : {}),
    rank: context.rank,
    waitingSince: context.waitingSince,
    excludedCounsellorIds: [...context.excludedCounsellorIds],
  };
}

/** The youth voucher type (A/B) the applicant chose as `counsellorType`; other programmes have none. */
function voucherTypeOf(answers: unknown): 'A' | 'B' | undefined {
  const chosen = answerAt(answers, 'counsellorType');
  return chosen === 'A' || chosen === 'B' ? chosen : undefined;
}

/**
 * The preferences as matching weighs them: "no preference" ('any') and an unanswered question are
 * the same, so neither appears. Answers stored before the questions existed have none.
 */
export function preferencesOf(answers: unknown): MatchPreferences {
  const given = preferencesSchema.parse(answerAt(answers, 'preferences')) ?? {};
  const preferences: MatchPreferences = {};
  if (given.counsellorGender && given.counsellorGender !== 'any') preferences.counsellorGender = given.counsellorGender;
  if (given.language) preferences.language = given.language;
  if (given.time && given.time !== 'any') preferences.time = given.time;
  return preferences;
}
