/**
 * How long a staff member's tokens live: one source for the Cognito app client (infra/data-stack.ts),
 * the local issuer that stands in for it (identity.ts of the local cloud), so `npm start` renews and
 * ends sessions on the same clock as AWS, and the pages, which tell staff how long a sign-in lasts
 * (hence here, not in infra/: nothing that ships imports infra/).
 *
 * - The ID token is what the pages send to the API. API Gateway's JWT authorizer checks its signature
 *   and expiry only, never whether its session was revoked, so its life is the window a signed-out or
 *   leaked token still opens: it stays short, and the pages renew it silently before it runs out
 *   (web/src/lib/token-renewal.ts).
 * - The refresh token is the sign-in itself: 12 hours, one working day with the overtime a district
 *   office keeps (08:00 to 20:00), and shorter than the night between two days, so every morning starts
 *   with the password and the TOTP code again. Cognito counts it from the sign-in and does not extend it
 *   (no rotation), so it is also the longest any one sign-in lasts, however busy the day.
 */
export const staffTokenLifetimes = {
  idTokenMinutes: 60,
  refreshTokenHours: 12,
} as const;
