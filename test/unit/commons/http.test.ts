import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { Context } from 'aws-lambda';
import { httpHandler, type HttpEvent } from '../../../functions/commons/http';
import { problem } from '../../../functions/commons/problems';

const context = { awsRequestId: 'test' } as Context;

function event(body?: string, contentType = 'application/json'): HttpEvent {
  return {
    version: '2.0',
    routeKey: 'POST /x',
    rawPath: '/x',
    rawQueryString: '',
    headers: { 'content-type': contentType },
    requestContext: { http: { method: 'POST', path: '/x', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' } },
    body,
    isBase64Encoded: false,
  } as unknown as HttpEvent;
}

const echo = httpHandler(async (e) => ({ status: 200, body: { got: e.jsonBody } }), { maxBodyBytes: 100 });
const call = async (handler: typeof echo, e: HttpEvent) => {
  const response = (await handler(e, context)) as { statusCode: number; body: string };
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined };
};

describe('httpHandler', () => {
  it('answers 503 with Retry-After when DynamoDB throttles, so the client sends the same request again', async () => {
    const throttled = httpHandler(async () => {
      throw Object.assign(new Error('Throughput exceeds the current capacity'), { name: 'ProvisionedThroughputExceededException' });
    });
    const response = (await throttled(event('{}'), context)) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(response.statusCode).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(response.body).error.code).toBe('temporarily-unavailable');
  });

  it('answers 500 for an error that retrying cannot fix', async () => {
    const broken = httpHandler(async () => {
      throw new TypeError('x is undefined');
    });
    expect((await call(broken, event('{}'))).status).toBe(500);
  });

  it('parses a JSON body', async () => {
    expect(await call(echo, event('{"a":1}'))).toEqual({ status: 200, body: { got: { a: 1 } } });
  });

  it('answers 413 for a body over the limit, in Korean and English', async () => {
    const { status, body } = await call(echo, event(JSON.stringify({ a: 'x'.repeat(200) })));
    expect(status).toBe(413);
    expect(body.error.message.ko).toContain('100');
    expect(body.error.message.en).toContain('100');
  });

  it('answers 415 when the body is not JSON', async () => {
    expect((await call(echo, event('a=1', 'application/x-www-form-urlencoded'))).status).toBe(415);
  });

  it('answers 400 for malformed JSON', async () => {
    const { status, body } = await call(echo, event('{"a":'));
    expect(status).toBe(400);
    expect(body.error.code).toBe('malformed-json');
  });

  it('answers 400 for a body nested deeper than any form, before anything walks it', async () => {
    const deep = httpHandler(async (e) => ({ status: 200, body: { got: e.jsonBody } }));
    const { status, body } = await call(deep, event(`{"answers":${'['.repeat(10_000)}${']'.repeat(10_000)}}`));
    expect(status).toBe(400);
    expect(body.error.code).toBe('json-too-deep');
    expect(body.error.message.ko).toContain('32');
    expect((await call(deep, event(`${'['.repeat(32)}${']'.repeat(32)}`))).status).toBe(200);
  });

  it('turns a zod error into 400 with each field named', async () => {
    const strict = httpHandler(async (e) => ({ status: 200, body: z.object({ name: z.string(), age: z.int() }).parse(e.jsonBody) }));
    const { status, body } = await call(strict, event('{"age":"x"}'));
    expect(status).toBe(400);
    expect(body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['age', 'name']);
    for (const field of body.error.fields) {
      expect(field.message.ko).toBeTruthy();
      expect(field.message.en).toBeTruthy();
    }
  });

  it('passes a known problem through with its status', async () => {
    const forbidden = httpHandler(async () => {
      throw problem.forbidden();
    });
    expect((await call(forbidden, event())).status).toBe(403);
  });

  it('answers 503 with Retry-After when the deadline comes before the work is done', async () => {
    const stalled = httpHandler(() => new Promise<never>(() => undefined));
    const nearDeadline = { awsRequestId: 'test', getRemainingTimeInMillis: () => 1_100 } as Context;
    const response = (await stalled(event(), nearDeadline)) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(response.statusCode).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(response.body).error.message.en).toContain('Idempotency-Key');
  });

  it('answers an unexpected error with 500 and no detail', async () => {
    process.env.DOLBOM_LOG = 'silent';
    const broken = httpHandler(async () => {
      throw new TypeError('secret detail 900101-1234567');
    });
    const { status, body } = await call(broken, event());
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
