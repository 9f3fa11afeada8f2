import { statusLabels, type Application } from '../applications/application';
import { httpHandler } from '../commons/http';
import { candidateView } from '../matching/candidate-view';
import { counsellorFirstNames } from '../matching/counsellor-names';
import { offerView, type ProviderOffer } from '../matching/offer';
import { offersOfApplication } from '../matching/offer-store';
import { taskView } from '../review/task';
import { tasksOfApplication } from '../review/task-store';
import { openForStaff } from './staff-access';

/**
 * GET /api/staff/applications/{applicationId} — the case file: answers, explanation, tasks, and how
 * matching went: the stored candidates with their reasons and every offer made (never its token).
 */
export const handler = httpHandler(async (event) => {
  const { accessCodeHash: _secret, rrn, ...application } = await openForStaff(event, 'application.viewed-by-staff');
  const [tasks, offers] = await Promise.all([tasksOfApplication(application.id), offersOfApplication(application.id)]);
  return {
    status: 200,
    body: {
      ...application,
      ...(await matchingViews(application, offers)),
      statusLabel: statusLabels[application.status],
      rrn: rrn ? { masked: rrn.masked } : undefined,
      tasks: tasks.map(taskView),
    },
  };
});

/** The match and the offers with the counsellors' first names, read once for all of them. */
async function matchingViews(application: Omit<Application, 'accessCodeHash'>, offers: ProviderOffer[]) {
  const { match } = application;
  const named = [...(match?.candidates ?? []), ...offers, ...(match?.reservation ? [match.reservation] : [])];
  const firstNames = named.length ? await counsellorFirstNames(named) : {};
  return {
    match: match && {
      ...match,
      candidates: match.candidates.map((c) => candidateView(c, firstNames)),
      ...(match.reservation ? { reservation: { ...match.reservation, counsellorFirstName: firstNames[match.reservation.counsellorId] } } : {}),
    },
    offers: offers.map((o) => ({ ...offerView(o), counsellorFirstName: firstNames[o.counsellorId] })),
  };
}
