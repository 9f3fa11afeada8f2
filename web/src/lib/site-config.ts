/**
 * `config.json`, next to the pages: what differs between where the pages run, so one bundle serves
 * every environment. The local cloud's build writes the local one (web/build.ts); in AWS the web
 * stack writes it at deploy time from the synthesized user pool (infra/web-stack.ts).
 */

/** The local cloud's issuer: its own sign-in form (web/src/lib/local-sign-in.ts, never deployed). */
export interface LocalSignIn {
  kind: 'local';
  issuer: string;
  /** The client the local issuer's token endpoint expects, as Cognito's expects the app client's id. */
  clientId: string;
}

/** Cognito's hosted sign-in (authorization code with PKCE, TOTP MFA), web/src/lib/hosted-sign-in.ts. */
export interface HostedSignIn {
  kind: 'cognito';
  /** The user pool's issuer (`https://cognito-idp.{region}.amazonaws.com/{poolId}`), for display and checks. */
  issuer: string;
  /** The Cognito domain's base URL: `/oauth2/authorize`, `/oauth2/token`, `/oauth2/revoke` and `/logout` are under it. */
  domain: string;
  clientId: string;
  /** The callback (and sign-out) address of each page, as registered on the app client. */
  redirectUris: Record<StaffPage, string>;
}

export type StaffPage = 'staff' | 'provider';

export interface SiteConfig {
  signIn: LocalSignIn | HostedSignIn;
}

export const SITE_CONFIG_FILE = 'config.json';

let loading: Promise<SiteConfig> | undefined;

/** The page's config, read once per page load (not cached across deploys: it is served `no-cache`). */
export function siteConfig(): Promise<SiteConfig> {
  loading ??= fetch(`/${SITE_CONFIG_FILE}`, { cache: 'no-cache', headers: { accept: 'application/json' } }).then(async (response) => {
    if (!response.ok) throw new Error(`${SITE_CONFIG_FILE}: ${response.status}`);
    return (await response.json()) as SiteConfig;
  });
  return loading;
}
