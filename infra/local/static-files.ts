/**
 * The web pages as the local cloud serves them (in AWS, S3 + CloudFront): compressed when the browser
 * accepts it (brotli, else gzip), and cached by what the name promises. A chunk's name carries its
 * content hash (web/build.ts), so it never changes: cached for a year, `immutable`. The pages and
 * their entry scripts keep their names across builds: `no-cache`, revalidated by ETag, so a new
 * build shows at the next load and an unchanged file costs a 304.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Worth compressing: text. Below this size the headers outweigh the saving. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.map']);
const MIN_COMPRESS_BYTES = 256;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip' | 'identity';

interface Prepared {
  mtimeMs: number;
  etag: string;
  bodies: Partial<Record<Encoding, Buffer>>;
}

/** Compressed once per file version; the local cloud rebuilds the pages at start, not while it runs. */
const prepared = new Map<string, Prepared>();

/** brotli if accepted, else gzip, else none; `q=0` refuses an encoding. */
export function chosenEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of [acceptEncoding ?? ''].flat().join(',').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return 'identity';
}

export function cacheControlFor(relative: string): string {
  return relative.startsWith('chunks/') ? IMMUTABLE : REVALIDATE;
}

function encode(content: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'br') return brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
  if (encoding === 'gzip') return gzipSync(content, { level: 9 });
  return content;
}

async function preparedFile(file: string): Promise<Prepared> {
  const { mtimeMs } = await stat(file);
  const known = prepared.get(file);
  if (known?.mtimeMs === mtimeMs) return known;
  const content = await readFile(file);
  const fresh: Prepared = { mtimeMs, etag: `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`, bodies: { identity: content } };
  prepared.set(file, fresh);
  return fresh;
}

/**
 * Answers a GET for a file under `dir`, or returns false when there is none (the caller answers 404).
 * `headers` (the pages' security headers) go with every answer.
 */
export async function serveStaticFile(req: IncomingMessage, res: ServerResponse, dir: string, pathname: string, headers: Readonly<Record<string, string>>): Promise<boolean> {
  const relative = pathname === '/' || !path.extname(pathname) ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = path.resolve(dir, relative);
  if (!file.startsWith(path.resolve(dir) + path.sep)) return false;
  let version: Prepared;
  try {
    version = await preparedFile(file);
  } catch {
    return false;
  }
  const extension = path.extname(file);
  const identity = version.bodies.identity!;
  const encoding = compressible.has(extension) && identity.length >= MIN_COMPRESS_BYTES ? chosenEncoding(req.headers['accept-encoding']) : 'identity';
  const common = {
    'cache-control': cacheControlFor(path.relative(path.resolve(dir), file).split(path.sep).join('/')),
    etag: version.etag,
    vary: 'Accept-Encoding',
    ...headers,
  };
  // Weak: one validator for the file, whichever encoding carried it.
  if ((req.headers['if-none-match'] ?? '').split(',').some((tag) => tag.trim() === version.etag)) {
    res.writeHead(304, common);
    res.end();
    return true;
  }
  const body = (version.bodies[encoding] ??= encode(identity, encoding));
  res.writeHead(200, {
    'content-type': contentTypes[extension] ?? 'application/octet-stream',
    'content-length': String(body.length),
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    ...common,
  });
  res.end(body);
  return true;
}
