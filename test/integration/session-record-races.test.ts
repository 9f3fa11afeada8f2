/**
 * A session record that races the case's closure (issue 12, drill 3, made deterministic): the record
 * route reads the case while it is served, and its write comes after the closing request — here held
 * back until the case is closed. The write must be refused with a 409 and nothing recorded, and the
 * closing summary must count the sessions as they stood. test/drills/races.test.ts runs the same race
 * at full speed.
 */
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../functions/commons/http';
import { approveAndAccept, cloud, local, submission, submit, untilStatus } from '../support/cloud-test';

const TABLE = 'dolbom-dev';
const ROUTE = 'PUT /api/provider/applications/{applicationId}/sessions/{sessionId}';
const saved: Record<string, string | undefined> = {};

beforeAll(() => {
  // The route's handler runs in this process, against the run's local cloud, as the local Lambda runtime runs it.
  const environment = { TABLE_NAME: TABLE, AWS_REGION: 'ap-northeast-2', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_ENDPOINT_URL_DYNAMODB: cloud.dynamodb, AWS_ENDPOINT_URL_SFN: cloud.sfn, DOLBOM_LOG: 'silent' };
  for (const [name, value] of Object.entries(environment)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

function recordEvent(applicationId: string, sessionId: string, body: unknown): HttpEvent {
  return {
    version: '2.0',
    routeKey: ROUTE,
    rawPath: `/api/provider/applications/${applicationId}/sessions/${sessionId}`,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    pathParameters: { applicationId, sessionId },
    requestContext: {
      http: { method: 'PUT', path: '/', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'session-race',
      authorizer: { jwt: { claims: { sub: 'provider.maeum', 'cognito:groups': ['provider'], 'custom:agency': 'P-MAEUMSUP' } } },
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  } as unknown as HttpEvent;
}

const context = { awsRequestId: 'session-race', getRemainingTimeInMillis: () => 30_000 } as unknown as Context;

describe('a session record whose write comes after the closing request', () => {
  it('is refused with a 409, leaves the session unrecorded, and the closing summary counts what stood', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
    const sessionsPath = `/api/provider/applications/${receipt.applicationId}/sessions`;
    const [first, second] = (await local.http('GET', sessionsPath, undefined, provider)).body.sessions;
    const { body: clock } = await local.http('GET', '/local/clock');
    const today = new Date(Date.parse(clock.now) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
    expect((await local.http('PUT', `${sessionsPath}/${first.sessionId}`, { outcome: 'held', on: today, durationMinutes: 90 }, provider)).status).toBe(200);

    const { handler } = await import('../../functions/provider-portal/record-session');
    const { dynamo } = await import('../../functions/commons/clients');
    // Holds the record's transaction back until the case manager's early closure has closed the case.
    let heldBack = false;
    dynamo().middlewareStack.add(
      (next, { commandName }) =>
        async (args) => {
          if (commandName === 'TransactWriteItemsCommand' && !heldBack) {
            heldBack = true;
            const jongno = { authorization: `Bearer ${await local.signIn('caseworker.jongno')}` };
            const closing = await local.http('POST', `/api/staff/applications/${receipt.applicationId}/closure`, { reason: 'drop-out', note: '연락 두절' }, jongno);
            expect(closing.status, JSON.stringify(closing.body)).toBe(202);
            await untilStatus(receipt, 'closed');
          }
          return next(args);
        },
      { step: 'initialize', name: 'holdBackUntilClosed' },
    );

    const answer = (await handler(recordEvent(receipt.applicationId, second.sessionId, { outcome: 'held', on: today, durationMinutes: 50 }), context)) as APIGatewayProxyStructuredResultV2;
    expect(heldBack).toBe(true);
    expect(answer.statusCode, answer.body).toBe(409);
    expect(['case-closing', 'not-in-service']).toContain(JSON.parse(answer.body!).error.code);

    const { Item: session } = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${receipt.applicationId}`, sk: `SESSION#p1#${second.sessionId}` } }));
    expect(session!.record).toBeUndefined();
    const { Item: application } = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${receipt.applicationId}`, sk: 'APPLICATION' } }));
    expect(application).toMatchObject({ status: 'closed', closure: { kind: 'early', sessionsHeld: 1 } });
  });
});
