/** Two years, subdomains included: the pages and sign-in never go over plain HTTP in AWS. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * Response headers for the web pages. The pages are bundled files only — module scripts, one
 * stylesheet, no inline script or style, no third-party origin — so the policy allows nothing else,
 * but for `connectOrigins`: the documents bucket the status page uploads a supplement's files to and,
 * in AWS, the Cognito domain the staff pages trade a sign-in code at.
 * The local gateway and the browser tests' fake backend serve the pages with these; in AWS the
 * CloudFront distribution's response headers policy is made from the same (infra/web-stack.ts), with
 * `https` adding HSTS (over the local cloud's plain HTTP browsers ignore it).
 */
export function pageSecurityHeadersFor(connectOrigins: readonly string[], options: { https?: boolean } = {}): Readonly<Record<string, string>> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      // The empty favicon (`<link rel="icon" href="data:,">`) keeps browsers from asking for one.
      "img-src 'self' data:",
      // Presigned PUTs go straight to the bucket, never through the API.
      ["connect-src 'self'", ...connectOrigins].join(' '),
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    // For browsers that predate `frame-ancestors`.
    'x-frame-options': 'DENY',
    // Status and staff addresses may carry ids: they never leave in a Referer.
    'referrer-policy': 'no-referrer',
    ...(options.https ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}),
  };
}

/** The headers of a page that talks to its own origin only. */
export const pageSecurityHeaders: Readonly<Record<string, string>> = pageSecurityHeadersFor([]);
