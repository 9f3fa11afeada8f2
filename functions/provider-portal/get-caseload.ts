import { httpHandler } from '../commons/http';
import { requireAgency, staffMember } from '../commons/staff';
import { getApplication } from '../applications/store';
import { recordStaffRead } from '../access-log/record-access';
import { offersOfApplication } from '../matching/offer-store';
import { placesOfAgency } from '../matching/places';
import { agencyOf } from './agency-offer';
import { counsellorNames } from './counsellor-names';
import { caseloadEntry } from './portal-views';

/**
 * GET /api/provider/caseload — the caller's agency's places: the people it serves and those it has
 * been offered, each with where the application stands, whom to call and who serves them. Every
 * application read is written to the audit trail before the answer leaves.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const agencyId = agencyOf(staff);
  const places = await placesOfAgency(agencyId);
  for (const place of places) requireAgency(staff, place.agencyId);
  const [names, cases] = await Promise.all([
    counsellorNames(agencyId),
    Promise.all(places.map(async (place) => Promise.all([getApplication(place.applicationId, false), offersOfApplication(place.applicationId)]))),
  ]);

  const shown = places.flatMap((place, i) => {
    const [application, offers] = cases[i]!;
    if (!application) return [];
    // The service type was the offer's: the latest this agency had for this counsellor.
    const offer = offers.filter((o) => o.agencyId === place.agencyId && o.counsellorId === place.counsellorId).at(-1);
    return [{ application, entry: caseloadEntry(place, application, names.get(place.counsellorId), offer) }];
  });
  const entries = shown.map((s) => s.entry);
  await recordStaffRead(
    event,
    staff,
    'caseload.viewed',
    shown.map(({ application }) => ({ applicationId: application.id, district: application.district, detail: { agencyId } })),
  );
  // Serving first, then offered; oldest first within each.
  entries.sort((a, b) => (a.state === b.state ? a.reservedAt.localeCompare(b.reservedAt) : a.state === 'serving' ? -1 : 1));
  return { status: 200, body: { cases: entries } };
});
