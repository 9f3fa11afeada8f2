import * as z from 'zod/mini';
import { applicationIdOfOffer, type OfferState, type ProviderOffer } from '../matching/offer';

/**
 * Where a reader of an agency's offers stands: the last offer of the page (its queue key's parts).
 * Sent to the client as an opaque string (base64url JSON) and validated on return. It positions a
 * read of the caller's own agency only, so a tampered cursor can skip offers but never reach another
 * agency's.
 */
export interface OfferCursor {
  state: OfferState;
  dueAt: string;
  offerId: string;
}

const cursorSchema = z.strictObject({
  state: z.enum(['open', 'accepted', 'declined', 'expired']),
  dueAt: z.iso.datetime(),
  offerId: z.string().check(
    z.maxLength(100),
    z.refine((id) => applicationIdOfOffer(id) !== undefined),
  ),
});

export function encodeOfferCursor(offer: Pick<ProviderOffer, 'state' | 'dueAt' | 'offerId'>): string {
  const cursor: OfferCursor = { state: offer.state, dueAt: offer.dueAt, offerId: offer.offerId };
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The position a client sent back, if this list made it for this state; undefined when malformed or tampered with. */
export function decodeOfferCursor(text: string, state: OfferState): (OfferCursor & { applicationId: string }) | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.state !== state) return undefined;
  return { ...parsed.data, applicationId: applicationIdOfOffer(parsed.data.offerId)! };
}
