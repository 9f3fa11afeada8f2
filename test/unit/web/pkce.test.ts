import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Url, codeChallengeOf, randomToken, stateMatches } from '../../../web/src/lib/pkce';

describe('codeChallengeOf', () => {
  it('gives the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await codeChallengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('is base64url(sha256(verifier)) without padding for any verifier', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9\-._~]{43,128}$/), async (verifier) => {
        const challenge = await codeChallengeOf(verifier);
        expect(challenge).toBe(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
        expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      }),
      { numRuns: 50 },
    );
  });
});

describe('randomToken', () => {
  it('makes verifiers of the length RFC 7636 asks (43–128 unreserved characters), each new', () => {
    const tokens = Array.from({ length: 20 }, () => randomToken(32));
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('encodes as base64url does', () => {
    expect(base64Url(Uint8Array.from([0xfb, 0xff, 0xfe]))).toBe(Buffer.from([0xfb, 0xff, 0xfe]).toString('base64url'));
  });
});

describe('stateMatches', () => {
  it('takes the state this tab sent back', () => {
    expect(stateMatches('q2Yd8-x_Zl3nA0', 'q2Yd8-x_Zl3nA0')).toBe(true);
  });

  it('refuses another state, one cut short or grown, and an answer this tab never asked for', () => {
    expect(stateMatches('q2Yd8-x_Zl3nA0', 'q2Yd8-x_Zl3nA1')).toBe(false);
    expect(stateMatches('q2Yd8-x_Zl3nA0', 'q2Yd8-x_Zl3nA')).toBe(false);
    expect(stateMatches('q2Yd8-x_Zl3nA0', 'q2Yd8-x_Zl3nA00')).toBe(false);
    expect(stateMatches(null, 'q2Yd8-x_Zl3nA0')).toBe(false);
    expect(stateMatches(undefined, undefined)).toBe(false);
    expect(stateMatches('', '')).toBe(false);
    expect(stateMatches('q2Yd8-x_Zl3nA0', null)).toBe(false);
  });
});
