import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

/**
 * Issue 6, item 4: input an attacker chooses never reaches a 500. Each answer is a 4xx that says
 * what is wrong in Korean and English.
 */
let drill: DrillCloud;
let staffToken: string;

beforeAll(async () => {
  drill = await startDrillCloud('hostile-input');
  staffToken = await drill.clients.signIn('supervisor');
});
afterAll(async () => drill?.dispose());

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const manyKeys = (count: number) => `{${Array.from({ length: count }, (_, i) => `"k${i}":${i}`).join(',')}}`;

const hostileBodies = {
  'answers nested 10,000 deep': `{"programme":"youth","answers":${nested(10_000)}}`,
  'a body nested 10,000 deep': nested(10_000),
  'objects nested 2,000 deep': `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
  '5,000 keys': manyKeys(5_000),
  '5,000 keys in the answers': `{"programme":"youth","answers":${manyKeys(5_000)}}`,
  'malformed JSON': '{"programme":',
  'JSON null': 'null',
  'a JSON string': '"youth"',
};

async function send(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${drill.process.api}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body,
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, body: json as { error?: { message?: { ko?: unknown; en?: unknown } } } };
}

function expectClearClientError(answer: Awaited<ReturnType<typeof send>>, what: string) {
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${JSON.stringify(answer.body).slice(0, 200)}`).toBeLessThan(500);
  expect(typeof answer.body.error?.message?.ko, `${what}: a Korean reason`).toBe('string');
  expect(typeof answer.body.error?.message?.en, `${what}: an English reason`).toBe('string');
}

const samplePath = (path: string) => path.replace(/\{\w+\}/g, 'A0000000000000000000000000');
const staffHeaders = (access: (typeof routes)[number]['access']): Record<string, string> => (access === 'public' ? {} : { authorization: `Bearer ${staffToken}` });

describe('hostile JSON bodies, on every route that takes one', () => {
  for (const route of routes.filter((r) => r.method === 'POST')) {
    it(`${route.method} ${route.path} answers each with a 4xx and a reason in Korean and English`, async () => {
      for (const [what, body] of Object.entries(hostileBodies)) {
        const answer = await send(route.method, samplePath(route.path), body, {
          'idempotency-key': `hostile-${what.replace(/\W/g, '-')}`,
          ...staffHeaders(route.access),
        });
        expectClearClientError(answer, `${route.path} with ${what}`);
      }
    });
  }
});

describe('malformed percent-encoding in a path', () => {
  for (const route of routes.filter((r) => r.path.includes('{'))) {
    it(`${route.method} ${route.path} with %E0%A4%A answers a 4xx with a reason`, async () => {
      const path = route.path.replace(/\{\w+\}/, '%E0%A4%A').replace(/\{\w+\}/g, 'A0000000000000000000000000');
      const body = route.method === 'POST' ? '{}' : undefined;
      expectClearClientError(await send(route.method, path, body, staffHeaders(route.access)), path);
    });
  }
});

/** The status line of a request written by hand, for request targets `fetch` refuses to send. */
function rawStatus(target: string): Promise<number> {
  const { port } = new URL(drill.process.api);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(answer.split(' ')[1])));
  });
}

describe('request targets that are not URLs', () => {
  it('answers a 4xx to each', async () => {
    for (const target of ['http://[/api/applications', '//[::', '/api/applications/%']) {
      const status = await rawStatus(target);
      expect(status, target).toBeGreaterThanOrEqual(400);
      expect(status, target).toBeLessThan(500);
    }
  });
});

describe("the local cloud's own operator routes", () => {
  for (const path of ['/local/auth/sign-in', '/local/clock']) {
    it(`POST ${path} answers hostile bodies with a 4xx and a reason in Korean and English`, async () => {
      for (const [what, body] of Object.entries(hostileBodies)) {
        expectClearClientError(await send('POST', path, body), `${path} with ${what}`);
      }
    });
  }

  it('still signs in and moves the clock with well-formed bodies', async () => {
    expect((await send('POST', '/local/auth/sign-in', JSON.stringify({ username: 'supervisor', password: 'dolbom-local' }))).status).toBe(200);
    expect((await send('POST', '/local/clock', JSON.stringify({ advance: '+1m' }))).status).toBe(200);
  });
});
