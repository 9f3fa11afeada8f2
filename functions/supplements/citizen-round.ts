import { HttpProblem } from '../commons/problems';
import { getApplication } from '../applications/store';
import type { Application } from '../applications/application';
import type { SupplementRound } from './supplement';
import { getSupplement } from './supplement-store';

export const nothingAsked = () =>
  new HttpProblem(409, 'no-supplement-requested', {
    ko: '지금은 보완을 요청받은 내용이 없습니다. 진행 상황을 새로 고쳐 확인해 주세요.',
    en: 'Nothing is being asked of you right now. Refresh your application to see where it stands.',
  });

/** The application and its latest supplement round (for a citizen already admitted by their access code); 409 when there is none. */
export async function latestRound(applicationId: string): Promise<{ application: Application; round: SupplementRound }> {
  const application = await getApplication(applicationId);
  const summary = application?.supplement;
  const round = summary ? await getSupplement(applicationId, summary.round) : undefined;
  if (!application || !round) throw nothingAsked();
  return { application, round };
}
