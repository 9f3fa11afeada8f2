import { getProgrammeTerms } from '../../forms/terms';
import { HttpProblem } from '../commons/problems';
import { extensionCap } from '../service-period/plan';

/**
 * The decision route's answer to `extend` beyond the programme's caps: 409 on `decision`, with the
 * reason the case manager also read in the evidence, before anything is stored. StartNextPeriod keeps
 * its own refusal, as the workflow's guard against an answer sent another way.
 */
export function extensionRefused(task: { programme: string; period: number }): HttpProblem | undefined {
  const cap = extensionCap(getProgrammeTerms(task.programme).plan, task.period);
  if (cap.allowed) return undefined;
  return new HttpProblem(409, 'extension-cap-reached', cap.reason, [{ field: 'decision', code: 'extension-cap-reached', message: cap.reason }]);
}
