import { describe, expect, it } from 'vitest';
import { cloud } from '../support/cloud-test';

/** What every page and every API answer tells the browser: no sniffing, no framing, no referrer, a strict CSP. */
function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  it('come with the pages and their scripts, under a policy that allows only their own files', async () => {
    for (const path of ['/', '/status.html', '/staff.html', '/citizen.js', '/styles.css']) {
      const response = await fetch(`${cloud.api}${path}`);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(response);
      const policy = response.headers.get('content-security-policy')!;
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
    }
  });

  it('come with API answers, good and bad, from the handler (so API Gateway passes them on in AWS)', async () => {
    const answers = [
      await fetch(`${cloud.api}/api/openapi.json`),
      await fetch(`${cloud.api}/api/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${cloud.api}/api/applications/A0000000000000000000000000`, { headers: { 'x-access-code': 'ABCD-EFGH-JKMN' } }),
    ];
    expect(answers.map((r) => Math.floor(r.status / 100))).toEqual([2, 4, 4]);
    for (const response of answers) {
      await response.arrayBuffer();
      expectSecurityHeaders(response);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });
});
