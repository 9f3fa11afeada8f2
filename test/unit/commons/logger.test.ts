import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import type { Context } from 'aws-lambda';
import { httpHandler, type HttpEvent } from '../../../functions/commons/http';
import { correlated, correlationIdOf, currentCorrelationId, log, redact, withCorrelationId } from '../../../functions/commons/logger';
import { businessMetrics, countMetric, metricLine } from '../../../functions/commons/metrics';
import { workflowStep } from '../../../functions/commons/step';

describe('redact', () => {
  it('hides phone numbers written with or without dashes', () => {
    expect(redact('010-1234-5678')).toBe('[phone]');
    expect(redact('{"phone":"01012345678"}')).toBe('{"phone":"[phone]"}');
    expect(redact('전화 011-123-4567로')).toBe('전화 [phone]로');
  });

  it('hides resident registration numbers written with or without the dash', () => {
    expect(redact('900101-1234567')).toBe('[rrn]');
    expect(redact('{"rrn":"9001011234567"}')).toBe('{"rrn":"[rrn]"}');
  });

  it('hides e-mail addresses', () => {
    expect(redact('{"to":"kim.minji@example.com"}')).toBe('{"to":"[email]"}');
  });

  it('leaves the digits inside request ids alone', () => {
    // A v4 UUID whose 2nd–4th groups read like 010-4123-9123.
    const requestId = '8c0a4b2e-4010-4123-9123-123456789abc';
    expect(redact(JSON.stringify({ requestId }))).toBe(JSON.stringify({ requestId }));
    const applicationId = 'A01012345678ZZZZZZZZZZZZZZ';
    expect(redact(applicationId)).toBe(applicationId);
  });
});

/** The JSON lines written to stdout and stderr while `work` runs. */
async function linesOf(work: () => unknown): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const out = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const err = vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  try {
    await work();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('log', () => {
  const silenced = process.env.DOLBOM_LOG;
  beforeEach(() => {
    delete process.env.DOLBOM_LOG;
  });
  afterEach(() => {
    if (silenced === undefined) delete process.env.DOLBOM_LOG;
    else process.env.DOLBOM_LOG = silenced;
  });

  it('writes one JSON line with the level, the message, the fields and the correlation id of the work it serves', async () => {
    const [line] = await linesOf(() => withCorrelationId('req-1', () => log.info('step done', { applicationId: 'A1', period: 1 })));
    expect(line).toMatchObject({ level: 'info', message: 'step done', correlationId: 'req-1', applicationId: 'A1', period: 1 });
    expect(typeof line!.at).toBe('string');
  });

  it('keeps concurrent work apart: each line carries its own correlation id across awaits', async () => {
    const lines = await linesOf(() =>
      Promise.all(
        ['a', 'b', 'c'].map((id, i) =>
          withCorrelationId(id, async () => {
            await new Promise((resolve) => setTimeout(resolve, 10 * (3 - i)));
            log.info('done', { id });
          }),
        ),
      ),
    );
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.correlationId).toBe(line.id);
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('drops the value of a field that only ever holds personal data, and redacts what slips into any other', async () => {
    const [line] = await linesOf(() =>
      log.warn('oops', { name: '김민지', phone: 'x', answers: 'y', email: 'z', birthDate: '2000-01-01', reason: 'called 010-1234-5678 about 900101-1234567' }),
    );
    expect(line).toMatchObject({ name: '[redacted]', phone: '[redacted]', answers: '[redacted]', email: '[redacted]', birthDate: '[redacted]' });
    expect(line!.reason).toBe('called [phone] about [rrn]');
    expect(JSON.stringify(line)).not.toContain('김민지');
  });

  it('writes errors to stderr and nothing at all when silenced', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    log.error('broken', {});
    expect(err).toHaveBeenCalledTimes(1);
    err.mockRestore();
    process.env.DOLBOM_LOG = 'silent';
    expect(await linesOf(() => log.error('broken', {}))).toEqual([]);
  });
});

describe('correlationIdOf', () => {
  it("takes the caller's x-correlation-id when it is a plain id", () => {
    expect(correlationIdOf({ 'x-correlation-id': 'console-7f3a.2' }, 'gw-1')).toBe('console-7f3a.2');
  });

  it("falls back to API Gateway's request id for a missing, free-text or personal value", () => {
    expect(correlationIdOf({}, 'gw-1')).toBe('gw-1');
    expect(correlationIdOf(undefined, 'gw-1')).toBe('gw-1');
    expect(correlationIdOf({ 'x-correlation-id': '김민지' }, 'gw-1')).toBe('gw-1');
    expect(correlationIdOf({ 'x-correlation-id': '010-1234-5678' }, 'gw-1')).toBe('gw-1');
    expect(correlationIdOf({ 'x-correlation-id': 'a b' }, 'gw-1')).toBe('gw-1');
    expect(correlationIdOf({ 'x-correlation-id': 'x'.repeat(101) }, 'gw-1')).toBe('gw-1');
  });
});

describe('the correlation id through handlers', () => {
  beforeEach(() => {
    delete process.env.DOLBOM_LOG;
  });
  afterEach(() => {
    process.env.DOLBOM_LOG = 'silent';
  });

  const apiEvent = (headers: Record<string, string>) =>
    ({
      version: '2.0',
      routeKey: 'GET /api/applications/{applicationId}',
      rawPath: '/api/applications/A1',
      rawQueryString: 'q=%EA%B9%80%EB%AF%BC%EC%A7%80',
      headers,
      requestContext: { requestId: 'gw-42', http: { method: 'GET', path: '/api/applications/A1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' } },
      isBase64Encoded: false,
    }) as unknown as HttpEvent;

  it('an HTTP route logs its request line with the correlation id, hands the id back, and what it starts sees it', async () => {
    let seen: string | undefined;
    const route = httpHandler(async () => {
      seen = currentCorrelationId();
      return { status: 200, body: {} };
    });
    let response: { headers: Record<string, string> } | undefined;
    const lines = await linesOf(async () => {
      response = (await route(apiEvent({}), { awsRequestId: 'lambda-1' } as Context)) as { headers: Record<string, string> };
    });
    expect(seen).toBe('gw-42');
    expect(response!.headers['x-correlation-id']).toBe('gw-42');
    expect(lines).toEqual([expect.objectContaining({ message: 'request', correlationId: 'gw-42', route: 'GET /api/applications/{applicationId}', status: 200 })]);
    // The route's template, never the raw path or its query string.
    expect(JSON.stringify(lines)).not.toContain('q=');
  });

  it("an HTTP route takes the caller's x-correlation-id, on its error lines too", async () => {
    const broken = httpHandler(async () => {
      throw new Error('bug');
    });
    const lines = await linesOf(() => broken(apiEvent({ 'x-correlation-id': 'console-1' }), { awsRequestId: 'lambda-1' } as Context));
    expect(lines.map((l) => [l.message, l.correlationId])).toEqual([
      ['unhandled error', 'console-1'],
      ['request', 'console-1'],
    ]);
  });

  it("a workflow step logs the execution's correlation id from its payload, or its invocation's id without one", async () => {
    const step = workflowStep('TestStep', z.object({ applicationId: z.string() }), async () => currentCorrelationId());
    const lines = await linesOf(async () => {
      expect(await step({ applicationId: 'A1', correlationId: 'gw-42' }, { awsRequestId: 'lambda-1' })).toBe('gw-42');
      expect(await step({ applicationId: 'A1' }, { awsRequestId: 'lambda-2' })).toBe('lambda-2');
    });
    expect(lines.map((l) => [l.message, l.step, l.correlationId])).toEqual([
      ['step done', 'TestStep', 'gw-42'],
      ['step done', 'TestStep', 'lambda-2'],
    ]);
  });

  it("a stream or scheduled handler runs under its invocation's id", async () => {
    const handler = correlated(async () => currentCorrelationId());
    expect(await handler({}, { awsRequestId: 'lambda-9' })).toBe('lambda-9');
  });
});

describe('business metrics', () => {
  it('are CloudWatch Embedded Metric Format lines: namespace, the Stage dimension, a count', () => {
    process.env.DOLBOM_STAGE = 'staging';
    const line = withCorrelationId('gw-42', () => metricLine(businessMetrics.submitted, 1, { programme: 'youth' }, new Date('2026-11-30T00:00:00Z')));
    expect(line).toEqual({
      _aws: {
        Timestamp: Date.parse('2026-11-30T00:00:00Z'),
        CloudWatchMetrics: [{ Namespace: 'Dolbom', Dimensions: [['Stage']], Metrics: [{ Name: 'ApplicationsSubmitted', Unit: 'Count' }] }],
      },
      Stage: 'staging',
      ApplicationsSubmitted: 1,
      programme: 'youth',
      correlationId: 'gw-42',
    });
    delete process.env.DOLBOM_STAGE;
  });

  it('are written as one line on stdout', async () => {
    delete process.env.DOLBOM_LOG;
    const lines = await linesOf(() => countMetric(businessMetrics.failed, 1, { error: 'States.TaskFailed' }));
    process.env.DOLBOM_LOG = 'silent';
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ Stage: 'local', ApplicationsFailed: 1, error: 'States.TaskFailed' });
    // The millisecond timestamp stays a number (it has the shape of a resident registration number).
    expect(typeof (lines[0]!._aws as { Timestamp: unknown }).Timestamp).toBe('number');
  });

  it('redact what slips into their properties', () => {
    expect(metricLine(businessMetrics.failed, 1, { error: 'call 010-1234-5678' })).toMatchObject({ error: 'call [phone]' });
  });
});
