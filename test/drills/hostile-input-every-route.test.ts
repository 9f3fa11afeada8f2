/**
 * Drill (issue 12, item 4): hostile input on every route, generated from the routes' zod schemas
 * (test/support/hostile-inputs.ts) and sent by a caller the route admits (test/support/hostile-routes.ts),
 * so what is tested is the validation, not the door. For every body field, query parameter and path
 * parameter: wrong types, huge strings, hidden and broken characters, prototype-pollution keys, deep
 * nesting, missing and extra fields, oversized, malformed and mistyped bodies, bad ids. The promises:
 * never a 5xx; every 4xx says why in Korean and English, and a refusal of a field names it; nothing is
 * stored — the table is the same before and after, but for the records a read or a refused attempt is
 * meant to leave (said below), and none of those holds anything hostile.
 */
import { request, Agent } from 'node:http';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { openApiDocument } from '../../functions/docs/openapi-document';
import { routes } from '../../functions/routes';
import type { StaffActor } from '../support/authorization-matrix';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { loopbackClient } from '../support/http-from';
import { hostileBodies, hostilePathIds, hostileQueries, MARK, type Hostile } from '../support/hostile-inputs';
import { hostileRoutes, isCoveredElsewhere, type HostileRoute, type HostileWorld } from '../support/hostile-routes';
import { providerWork } from '../support/provider-offers';
import { buildWorld, seoulToday, signedIn } from '../support/world';

const TABLE = 'dolbom-dev';
const PARALLEL = 6;
const routeKeys = routes.map((r) => `${r.method} ${r.path}`);

let drill: DrillCloud;
let w: HostileWorld;
let tokens: Record<StaffActor, string>;
let before: Map<string, string>;
const counts = { requests: 0, schemaAccepted: [] as string[] };

type Item = Record<string, unknown>;

/** The same value with every object's keys in order, so two scans of an unchanged item compare equal. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Item)[k])]));
  return value;
}

async function table(): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await drill.clients.db.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true, ExclusiveStartKey }));
    for (const item of page.Items ?? []) items.set(`${item.pk} | ${item.sk}`, JSON.stringify(sortedKeys(item)));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The table once the world's workflows, notifications and projections have settled. */
async function settledTable(): Promise<Map<string, string>> {
  let last = await table();
  for (let tries = 0; tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const now = await table();
    if (now.size === last.size && [...now].every(([k, v]) => last.get(k) === v)) return now;
    last = now;
  }
  throw new Error('the table never settled');
}

/** A case with a high-risk pre-test, closed early: its referral task is open. */
async function referralTask(): Promise<string> {
  const work = providerWork(drill.clients);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const receipt = await work.submitYouth();
  await work.approveOfferingTo(receipt, 'P-MAEUMSUP');
  const offer = await work.untilPortalOffer(tokens.provider, receipt.applicationId);
  expect((await drill.clients.http('POST', `/api/provider/offers/${offer.offerId}/decision`, { decision: 'accept' }, bearer(tokens.provider))).status).toBe(202);
  await work.untilStatus(receipt, 'in-service');
  const path = `/api/provider/applications/${receipt.applicationId}/sessions`;
  const [preTest] = (await drill.clients.http('GET', path, undefined, bearer(tokens.provider))).body.sessions;
  const screening = { phq9: [1, 1, 1, 1, 1, 1, 1, 1, 1], gad7: [0, 0, 0, 0, 0, 0, 0] }; // item 9 > 0: high risk
  const held = await drill.clients.http('PUT', `${path}/${preTest.sessionId}`, { outcome: 'held', on: await seoulToday(drill.clients), durationMinutes: preTest.plannedMinutes, screening }, bearer(tokens.provider));
  expect(held.status, JSON.stringify(held.body)).toBe(200);
  const closing = await drill.clients.http('POST', `/api/staff/applications/${receipt.applicationId}/closure`, { reason: 'drop-out', note: '연락 두절' }, bearer(tokens.caseworker));
  expect(closing.status, JSON.stringify(closing.body)).toBe(202);
  await work.untilStatus(receipt, 'closed');
  return (await work.untilOpenTask(tokens.caseworker, receipt.applicationId, 'referral')).taskId;
}

beforeAll(async () => {
  drill = await startDrillCloud('hostile-every-route');
  tokens = await signedIn(drill.clients);
  const [world, referralTaskId] = await Promise.all([buildWorld(drill.clients, tokens), referralTask()]);
  const sessions = await drill.clients.http('GET', `/api/provider/applications/${world.served.applicationId}/sessions`, undefined, { authorization: `Bearer ${tokens.provider}` });
  const unrecorded = (sessions.body.sessions as { sessionId: string; record?: unknown }[]).find((s) => !s.record)!;
  w = { ...world, referralTaskId, sessionId: unrecorded.sessionId, today: await seoulToday(drill.clients) };
  before = await settledTable();
}, 300_000);
afterAll(async () => drill?.dispose());

// A connection per request, as test/support/http-from.ts explains.
const agent = new Agent({ keepAlive: false });

interface Answer {
  status: number;
  body: any;
}

/** Sends the request as written: the path is not normalised (`..`, `%2E%2E` reach the gateway as they are). */
function send(method: string, path: string, sourceIp: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const { hostname, port } = new URL(drill.process.api);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method, agent, localAddress: sourceIp, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: the checks below say so
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Probe extends Hostile {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  /** A GET whose input the schema accepts may answer 2xx; anything else must be refused. */
  mayAnswer2xx?: boolean;
  /** The path resolves to no route: the gateway's own 404 or 405 (`{ message }`, as API Gateway's) may answer. */
  mayMissRoutes?: boolean;
}

function pathOf(template: string, params: Record<string, string>, hostile?: { name: string; segment: string }): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (hostile?.name === name ? hostile.segment : encodeURIComponent(params[name]!)));
}

/** Every hostile request of one route. */
function probesOf(key: string, route: HostileRoute, seed: number): Probe[] {
  const [method, template] = key.split(' ') as [string, string];
  const params = route.params?.(w) ?? {};
  const path = pathOf(template, params);
  const probes: Probe[] = [];
  // A body the route refuses whatever the path, so a path that got through stores nothing either.
  const refusedBody = route.body ? JSON.stringify({ [`unexpected${MARK}`]: MARK }) : undefined;
  for (const name of Object.keys(params)) {
    for (const id of hostilePathIds(params[name]!)) {
      probes.push({ what: `path ${name}: ${id.what}`, method, path: pathOf(template, params, { name, segment: id.segment }), body: refusedBody, mayMissRoutes: id.dotSegment });
    }
  }
  if (route.query) {
    const example = route.query.example(w);
    for (const q of hostileQueries(route.query.schema, example, seed)) {
      probes.push({ ...q, what: `query ${q.what}`, method, path: `${path}?${q.query}`, mayAnswer2xx: method === 'GET' && q.schemaAccepts });
    }
  }
  if (route.body) {
    for (const b of hostileBodies(route.body.schema, route.body.example(w), seed)) probes.push({ ...b, method, path, body: b.text });
  }
  return probes;
}

function headersFor(route: HostileRoute, contentType: string | undefined, hasBody: boolean): Record<string, string> {
  const caller: Record<string, string> =
    route.as === 'anyone' ? {} : route.as === 'citizen' ? { 'x-access-code': w.served.accessCode } : { authorization: `Bearer ${tokens[route.as]}` };
  return { ...caller, ...(route.headers?.(w) ?? {}), ...(hasBody ? { 'content-type': contentType ?? 'application/json' } : {}) };
}

/** What is wrong with an answer to a probe, if anything. */
function faultOf(probe: Probe, answer: Answer): string | undefined {
  const error = answer.body?.error;
  if (answer.status >= 500) return `a ${answer.status}`;
  if (answer.status < 400) return probe.mayAnswer2xx ? undefined : `accepted (${answer.status})`;
  if (probe.mayMissRoutes && [404, 405].includes(answer.status) && typeof answer.body?.message === 'string' && !error) return undefined;
  if (!/[가-힣]/.test(String(error?.message?.ko)) || !/[A-Za-z]/.test(String(error?.message?.en))) return `a ${answer.status} without its reason in Korean and English`;
  const fields = (error.fields ?? []) as { field: string; message: { ko: string; en: string } }[];
  for (const f of fields) {
    if (!/[가-힣]/.test(String(f.message?.ko)) || !/[A-Za-z]/.test(String(f.message?.en))) return `field ${f.field} without its reason in Korean and English`;
  }
  if (probe.named === undefined) return undefined;
  const names = fields.map((f) => f.field);
  if (answer.status !== 400) return `a ${answer.status}, not the 400 naming ${JSON.stringify(probe.named)}`;
  const unnamed = probe.named.filter((field) => !names.some((n) => n === field || n.startsWith(`${field}.`)));
  return unnamed.length ? `a 400 naming ${JSON.stringify(names)}, not ${JSON.stringify(unnamed)}` : undefined;
}

const covered = Object.entries(hostileRoutes).filter((entry): entry is [string, HostileRoute] => !isCoveredElsewhere(entry[1]));

describe('hostile input on every route', () => {
  it('has an entry in test/support/hostile-routes.ts for every route of functions/routes.ts, and none for a route that is gone', () => {
    const missing = routeKeys.filter((k) => !(k in hostileRoutes));
    expect(missing, 'routes without hostile-input coverage: add each to test/support/hostile-routes.ts, with its schemas and a valid example').toEqual([]);
    expect(Object.keys(hostileRoutes).filter((k) => !routeKeys.includes(k)), 'entries of routes that no longer exist').toEqual([]);
    // A route that reads a body, a query or path parameters says so — as the OpenAPI document says
    // it — so its input is generated.
    const document = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string; name: string }[] }>> };
    for (const [key, route] of covered) {
      const [method, template] = key.split(' ') as [string, string];
      const pathParams = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(route.params?.(w) ?? {}).sort(), `${key}: its path parameters`).toEqual(pathParams.sort());
      if (method === 'GET') expect(route.query, `${key}: a GET route says what query it reads (or none)`).toBeDefined();
      const operation = document.paths[template]![method.toLowerCase()]!;
      expect(Boolean(route.body), `${key}: a body as the OpenAPI document has one`).toBe(Boolean(operation.requestBody));
      const documented = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name).sort();
      const read = route.query?.schema ? Object.keys((z.toJSONSchema(route.query.schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {}).sort() : [];
      expect(read, `${key}: the query parameters the OpenAPI document lists`).toEqual(documented);
    }
  });

  it.each(covered.map(([key], i) => [key, i] as const))('%s: no 5xx, every 4xx says why in Korean and English, a refused field is named', async (key, seed) => {
    const route = hostileRoutes[key] as HostileRoute;
    const probes = probesOf(key, route, seed + 1);
    const faults: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < probes.length) {
          const probe = probes[next++]!;
          const n = counts.requests++;
          // Each from a client address of its own: the guessing limits count per client.
          const answer = await send(probe.method, probe.path, loopbackClient(n), headersFor(route, probe.contentType, probe.body !== undefined), probe.body);
          const fault = faultOf(probe, answer);
          if (fault) faults.push(`${probe.what}: ${fault} — ${String(JSON.stringify(answer.body)).slice(0, 240)}`);
          if (probe.schemaAccepts && probe.method !== 'GET') counts.schemaAccepted.push(`${key} ${probe.what} → ${answer.status}`);
        }
      }),
    );
    expect(faults).toEqual([]);
  });

  it('stored nothing: the table is as it was, but for the records of reads and refused attempts, none of them holding anything sent', async () => {
    const after = await table();
    const added = [...after].filter(([k]) => !before.has(k));
    const changed = [...after].filter(([k, v]) => before.has(k) && before.get(k) !== v);
    const removed = [...before.keys()].filter((k) => !after.has(k));
    // Expected: reading a case or a list writes the access log (ACCESS#…) and the read on the case's
    // audit trail; a citizen admitted with their code has the opening audited before the body is read;
    // wrong ids and codes count against the guessing limits (GUESSES#…) and are audited as denied.
    const reads = new Set([
      'application.viewed',
      'application.viewed-by-staff',
      'application.viewed-for-override',
      'application.viewed-for-supervision',
      'application.closing-by-staff',
      'application.opened-to-withdraw',
      'application.found-by-staff',
      'application.looked-up-by-staff',
      'audit-trail.viewed',
      'candidates.viewed-by-staff',
      'evidence.viewed-by-staff',
      'sessions.viewed',
      'supplement.opened',
      'supplement.uploads-requested',
      'supplement.document-opened',
      'offer.viewed',
      'caseload.viewed',
      'case-notes.viewed',
      'access.denied',
    ]);
    const expected = ([key, value]: [string, string]) => {
      const item = JSON.parse(value) as Item;
      // The settlement export is audited on the district (DISTRICT-AUDIT#…) as well as in the access log.
      return key.startsWith('ACCESS#') || key.startsWith('GUESSES#') || (String(item.sk).startsWith('AUDIT#') && reads.has(String(item.action))) || item.action === 'ledger.exported';
    };
    expect(added.filter((e) => !expected(e)).map(([k, v]) => `${k}: ${v.slice(0, 300)}`)).toEqual([]);
    expect(changed.filter((e) => !String(e[0]).startsWith('GUESSES#')).map(([k, v]) => `${k}: ${v.slice(0, 300)}`)).toEqual([]);
    expect(removed).toEqual([]);
    // An access record keeps the parameters its list read (a search's words among them), checked by
    // the route's schema: those may hold what was sent; no other field, and no other parameter, may.
    const withoutReadQuery = ([key, value]: [string, string]): [string, string] => {
      const item = JSON.parse(value) as Item;
      const route = hostileRoutes[String(item.route)];
      const schema = route && !isCoveredElsewhere(route) ? route.query?.schema : undefined;
      if (!key.startsWith('ACCESS#') || !item.query || !schema) return [key, value];
      const declared = Object.keys((z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object }).properties ?? {});
      const query = item.query as Record<string, string>;
      const rest = Object.fromEntries(Object.entries(query).filter(([name]) => !declared.includes(name)));
      expect(z.safeParse(schema, query).success, `${key}: a recorded query the route's schema refuses: ${value}`).toBe(true);
      return [key, JSON.stringify({ ...item, query: rest })];
    };
    const holdingInput = [...added, ...changed].map(withoutReadQuery).filter(([k, v]) => k.includes(MARK) || v.includes(MARK) || v.includes('polluted'));
    expect(holdingInput.map(([k, v]) => `${k}: ${v.slice(0, 400)}`)).toEqual([]);
    console.log(
      `${counts.requests} hostile requests on ${covered.length} routes; ${added.length} read and attempt records written. ` +
        `Inputs the schemas accepted and the handlers refused (${counts.schemaAccepted.length}):\n  ${counts.schemaAccepted.join('\n  ')}`,
    );
  });
});
