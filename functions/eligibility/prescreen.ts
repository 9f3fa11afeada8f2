import { getProgramme, prescreenSchemaOn } from '../../forms';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { checkEligibility } from './check-eligibility';

/**
 * POST /api/eligibility/check — the same decision the workflow would make today, for a citizen
 * wondering whether to apply. It takes only what the rules read and refuses, field by field, any
 * other answer (a name, contacts, the resident registration number); it stores and logs nothing.
 */
export const handler = httpHandler(async (event) => {
  const today = now();
  // Dates are judged against the same day as the rules: a birth date after it is refused, as on submission.
  const { programme, answers } = prescreenSchemaOn(today).parse(event.jsonBody);
  return { status: 200, body: checkEligibility(getProgramme(programme), answers, { applicationDate: today }) };
});
