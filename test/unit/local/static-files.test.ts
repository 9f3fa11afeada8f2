import { describe, expect, it } from 'vitest';
import { cacheControlFor, chosenEncoding } from '../../../infra/local/static-files';

describe('chosenEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 and the wildcard', () => {
    expect(chosenEncoding('gzip, deflate, br')).toBe('br');
    expect(chosenEncoding('gzip, deflate')).toBe('gzip');
    expect(chosenEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(chosenEncoding('gzip;q=0')).toBe('identity');
    expect(chosenEncoding('*')).toBe('br');
    expect(chosenEncoding('*, br;q=0')).toBe('gzip');
    expect(chosenEncoding(undefined)).toBe('identity');
    expect(chosenEncoding('')).toBe('identity');
  });
});

describe('cacheControlFor', () => {
  it('caches hashed chunks for good and revalidates pages and entry scripts', () => {
    expect(cacheControlFor('chunks/chunk-ABC123.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('status.html')).toBe('no-cache');
    expect(cacheControlFor('status.js')).toBe('no-cache');
  });
});
