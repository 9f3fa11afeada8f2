import { statusLabels, type Application } from '../applications/application';
import { httpHandler } from '../commons/http';
import { candidateView, offerForCaseManager } from '../matching/candidate-view';
import type { ProviderOffer } from '../matching/offer';
import { offersOfApplication } from '../matching/offer-store';
import { registryNames } from '../matching/registry-names';
import { taskView } from '../review/task';
import { tasksOfApplication } from '../review/task-store';
import { staffSupplementView } from '../supplements/staff-view';
import { supplementsOf } from '../supplements/supplement-store';
import { supervisionOf } from '../supervision/supervision-store';
import { supervisionView } from '../supervision/view';
import { openForStaff } from './staff-access';

/**
 * GET /api/staff/applications/{applicationId} — the case file: answers, explanation, tasks, and how
 * matching went: the stored candidates with their reasons and every offer made (never its token),
 * and the supervision asked on the case with its advice.
 */
export const handler = httpHandler(async (event) => {
  const { accessCodeHash: _secret, rrn, ...application } = await openForStaff(event, 'application.viewed-by-staff');
  const [tasks, offers, supplements, supervision] = await Promise.all([
    tasksOfApplication(application.id),
    offersOfApplication(application.id),
    supplementsOf(application.id),
    supervisionOf(application.id),
  ]);
  return {
    status: 200,
    body: {
      ...application,
      ...(await matchingViews(application, offers)),
      statusLabel: statusLabels[application.status],
      rrn: rrn ? { masked: rrn.masked } : undefined,
      tasks: tasks.map(taskView),
      supplements: supplements.map(staffSupplementView),
      /** Supervision asked on the case, oldest first, with the advice once recorded. */
      supervision: supervision.map(supervisionView),
    },
  };
});

/**
 * The match and the offers with the counsellors' first names and the agencies' names, read once for
 * all of them (the serving counsellor's too).
 */
async function matchingViews(application: Omit<Application, 'accessCodeHash'>, offers: ProviderOffer[]) {
  const { match } = application;
  const serving = application.providerId && application.counsellorId ? [{ agencyId: application.providerId, counsellorId: application.counsellorId }] : [];
  const named = [...(match?.candidates ?? []), ...offers, ...(match?.reservation ? [match.reservation] : []), ...serving];
  const names = named.length ? await registryNames(named) : { counsellors: {}, agencies: {} };
  return {
    match: match && {
      ...match,
      candidates: match.candidates.map((c) => candidateView(c, names)),
      ...(match.reservation ? { reservation: { ...match.reservation, counsellorFirstName: names.counsellors[match.reservation.counsellorId] } } : {}),
    },
    offers: offers.map((o) => offerForCaseManager(o, names)),
    /** First names of every counsellor named above (excluded and proposed ones are looked up here). */
    counsellorFirstNames: names.counsellors,
    agencyNames: names.agencies,
  };
}
