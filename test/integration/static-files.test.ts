/**
 * The web pages as the local cloud serves them: compressed as the browser accepts (brotli, gzip, or
 * not at all), hashed chunks cached for a year as immutable, pages and entry scripts revalidated.
 * Raw node:http requests, so what arrives is the bytes on the wire, not a client's decompression.
 */
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cloud } from '../support/cloud-test';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(pathname: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    get(`${cloud.api}${pathname}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function decoded(answer: Raw): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(answer.body).toString('utf8');
  return answer.body.toString('utf8');
}

describe('static files', () => {
  it('sends a page compressed as the browser accepts, the same page each way, revalidated on every load', async () => {
    const plain = await raw('/status.html');
    const gzip = await raw('/status.html', { 'accept-encoding': 'gzip, deflate' });
    const br = await raw('/status.html', { 'accept-encoding': 'gzip, deflate, br' });
    const refused = await raw('/status.html', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect([plain, gzip, br, refused].map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect([plain, gzip, br, refused].map((a) => a.headers['content-encoding'])).toEqual([undefined, 'gzip', 'br', undefined]);
    expect(br.body.length).toBeLessThan(plain.body.length);
    for (const answer of [gzip, br, refused]) expect(decoded(answer)).toBe(plain.body.toString('utf8'));
    for (const answer of [plain, gzip, br]) {
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers.vary).toBe('Accept-Encoding');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(plain.headers['content-type']).toBe('text/html; charset=utf-8');

    const again = await raw('/status.html', { 'if-none-match': String(br.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('caches the hashed chunks a page imports for a year, as immutable, and its entry script not', async () => {
    const entry = await raw('/status.js', { 'accept-encoding': 'gzip' });
    expect(entry.headers['content-encoding']).toBe('gzip');
    expect(entry.headers['cache-control']).toBe('no-cache');
    const chunks = [...decoded(entry).matchAll(/["'](\.\/chunks\/[\w-]+\.js)["']/g)].map((m) => m[1]!.slice(1));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) {
      const answer = await raw(chunk, { 'accept-encoding': 'br' });
      expect(answer.status, chunk).toBe(200);
      expect(answer.headers['cache-control'], chunk).toBe('public, max-age=31536000, immutable');
      expect(answer.headers['content-encoding'], chunk).toBe('br');
      expect(answer.headers['content-type'], chunk).toBe('text/javascript; charset=utf-8');
      expect(decoded(answer).length, chunk).toBeGreaterThan(0);
    }
  });

  it('answers 404 for a file that is not there, and never outside the pages folder', async () => {
    expect((await raw('/chunks/nothing-here.js')).status).toBe(404);
    expect((await raw('/%2e%2e/package.json')).status).toBe(404);
  });
});
