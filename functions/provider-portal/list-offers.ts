import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { httpHandler } from '../commons/http';
import { pageSizeParameter } from '../commons/page-size';
import { problem } from '../commons/problems';
import { requireAgency, staffMember } from '../commons/staff';
import { getApplication } from '../applications/store';
import { recordStaffRead } from '../access-log/record-access';
import { offersOfAgency } from '../matching/offer-store';
import { agencyOf } from './agency-offer';
import { counsellorNames } from './counsellor-names';
import { decodeOfferCursor, encodeOfferCursor } from './offer-cursor';
import { offerCard, showsPerson } from './portal-views';

const cursorInvalid = { ko: '목록 위치 값이 올바르지 않습니다. 목록을 처음부터 다시 불러 주세요', en: 'Not a valid list position. Load the list again from the start' };
const pageSize = message('offer-page-size', { ko: '한 번에 1~100건까지 볼 수 있습니다', en: 'A page holds 1 to 100 offers' });

export const querySchema = z.object({
  state: z._default(
    z.enum(['open', 'accepted', 'declined', 'expired'], {
      error: message('offer-state', { ko: '상태는 open, accepted, declined, expired 중 하나입니다', en: 'The state is one of open, accepted, declined, expired' }),
    }),
    'open',
  ),
  cursor: z.optional(z.string().check(z.maxLength(1024, message('cursor-invalid', cursorInvalid)))),
  limit: pageSizeParameter(pageSize, 50),
});

/**
 * GET /api/provider/offers[?state=open][&limit=50][&cursor=…] — the caller's agency's offers in one
 * state, soonest due first, a page at a time (`next` is the following page's cursor, absent on the
 * last). Open and accepted offers name the person and how to reach them, and each application whose
 * person is shown gets an audit event before the answer leaves.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const agencyId = agencyOf(staff);
  const query = querySchema.parse(event.queryStringParameters ?? {});
  const after = query.cursor === undefined ? undefined : decodeOfferCursor(query.cursor, query.state);
  if (query.cursor !== undefined && !after) throw problem.invalidInput([{ field: 'cursor', code: 'cursor-invalid', message: cursorInvalid }]);

  // One more than a page tells whether another follows, without an empty last page.
  const read = await offersOfAgency(agencyId, query.state, query.limit + 1, after);
  const offers = read.offers.slice(0, query.limit);
  for (const offer of offers) requireAgency(staff, offer.agencyId);
  const more = read.offers.length > query.limit;

  const [names, applications] = await Promise.all([
    counsellorNames(agencyId),
    Promise.all(offers.map((o) => (showsPerson(o.state) ? getApplication(o.applicationId, false) : undefined))),
  ]);
  await recordStaffRead(
    event,
    staff,
    'offer.viewed',
    offers.flatMap((offer, i) => {
      const application = applications[i];
      return application ? [{ applicationId: offer.applicationId, district: application.district, detail: { offerId: offer.offerId, agencyId } }] : [];
    }),
    { query },
  );
  const last = offers.at(-1);
  return {
    status: 200,
    body: {
      offers: offers.map((offer, i) => offerCard(offer, names.get(offer.counsellorId), applications[i])),
      ...(more && last ? { next: encodeOfferCursor(last) } : {}),
    },
  };
});
