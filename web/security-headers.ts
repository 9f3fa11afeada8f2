/**
 * Response headers for the web pages. The pages are bundled files only — module scripts, one
 * stylesheet, no inline script or style, no third-party origin — so the policy allows nothing else.
 * The local gateway and the browser tests' fake backend serve the pages with these; in AWS the
 * CloudFront distribution's response headers policy must send the same (a later issue).
 */
export const pageSecurityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // The empty favicon (`<link rel="icon" href="data:,">`) keeps browsers from asking for one.
    "img-src 'self' data:",
    "connect-src 'self'",
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
