import { getProgramme, submissionSchema } from '../../forms';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { checkEligibility } from './check-eligibility';

/**
 * POST /api/eligibility/check — the same decision the workflow would make today, for a citizen
 * wondering whether to apply. Stores nothing and logs nothing about the answers.
 */
export const handler = httpHandler(async (event) => {
  const { programme, answers } = submissionSchema.parse(event.jsonBody);
  return { status: 200, body: checkEligibility(getProgramme(programme), answers, { applicationDate: now() }) };
});
