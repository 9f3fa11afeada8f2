import { describe, expect, it } from 'vitest';
import { decodeOfferCursor, encodeOfferCursor } from '../../../functions/provider-portal/offer-cursor';

const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const position = { state: 'open' as const, dueAt: '2026-03-05T00:00:00.000Z', offerId: `${applicationId}.abcdefghijklmnop` };
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the offer list cursor', () => {
  it('comes back as the position it was made from, with the application it belongs to', () => {
    expect(decodeOfferCursor(encodeOfferCursor(position), 'open')).toEqual({ ...position, applicationId });
  });

  it('is refused for another state than the one it was made for', () => {
    expect(decodeOfferCursor(encodeOfferCursor(position), 'accepted')).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['not an object', encode([1, 2])],
    ['an extra field', encode({ ...position, agencyId: 'P-HANUL' })],
    ['a malformed offer id', encode({ ...position, offerId: 'APP#x' })],
    ['a due date that is not a time', encode({ ...position, dueAt: 'tomorrow' })],
  ])('is refused when it is %s', (_what, text) => {
    expect(decodeOfferCursor(text, 'open')).toBeUndefined();
  });
});
