/**
 * Staff groups, as in the Cognito user pool and the local issuer. Apart from the route list
 * (routes.ts), so a handler that checks a caller's groups loads these four words, not every route.
 */
export const staffGroups = ['caseworker', 'supervisor', 'provider', 'operator'] as const;
export type StaffGroup = (typeof staffGroups)[number];
