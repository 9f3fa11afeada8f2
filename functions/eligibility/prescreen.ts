import { getProgramme, submissionSchemaOn } from '../../forms';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { checkEligibility } from './check-eligibility';

/**
 * POST /api/eligibility/check — the same decision the workflow would make today, for a citizen
 * wondering whether to apply. Stores nothing and logs nothing about the answers.
 */
export const handler = httpHandler(async (event) => {
  const today = now();
  const { programme, answers } = submissionSchemaOn(today).parse(event.jsonBody);
  return { status: 200, body: checkEligibility(getProgramme(programme), answers, { applicationDate: today }) };
});
