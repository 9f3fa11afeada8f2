/**
 * Response headers for the web pages. The pages are bundled files only — module scripts, one
 * stylesheet, no inline script or style, no third-party origin — so the policy allows nothing else,
 * but for the documents bucket the status page uploads a supplement's files to.
 * The local gateway and the browser tests' fake backend serve the pages with these; in AWS the
 * CloudFront distribution's response headers policy must send the same (a later issue).
 */
export function pageSecurityHeadersFor(uploadOrigins: readonly string[]): Readonly<Record<string, string>> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      // The empty favicon (`<link rel="icon" href="data:,">`) keeps browsers from asking for one.
      "img-src 'self' data:",
      // Presigned PUTs go straight to the bucket, never through the API.
      ["connect-src 'self'", ...uploadOrigins].join(' '),
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
  };
}

/** The headers of a page that talks to its own origin only. */
export const pageSecurityHeaders: Readonly<Record<string, string>> = pageSecurityHeadersFor([]);
