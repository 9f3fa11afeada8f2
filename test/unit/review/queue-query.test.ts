import { DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpEvent } from '../../../functions/commons/http';
import { queueQuerySchema, filterOf, type QueueFilter } from '../../../functions/review/queue-filter';
import { queueQuery } from '../../../functions/review/queue-query';
import { handler as listTasks } from '../../../functions/review/list-tasks';

const now = new Date('2026-03-10T03:00:00.000Z');
const base: QueueFilter = { state: 'open', overdue: false, mine: false, unassigned: false, sort: 'due' };
const taskId = `A${'0'.repeat(25)}.${'x'.repeat(16)}`;
const query = (filter: Partial<QueueFilter>, after?: string) => queueQuery('t', '11110', { ...base, ...filter }, after, 21, now, 'me');

describe('queueQuery', () => {
  it('reads a district’s open tasks by due date on GSI1, soonest first', () => {
    const q = query({});
    expect(q).toMatchObject({ IndexName: 'gsi1', KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :state)', ScanIndexForward: true, Limit: 21 });
    expect(q.ExpressionAttributeNames).toEqual({ '#pk': 'gsi1pk', '#sk': 'gsi1sk' });
    expect(q.ExpressionAttributeValues).toEqual({ ':pk': 'TASKS#11110', ':state': 'open#' });
    expect(q.FilterExpression).toBeUndefined();
  });

  it('answers "overdue" in due order with the key range up to now, no filter', () => {
    const q = query({ overdue: true });
    expect(q.KeyConditionExpression).toBe('#pk = :pk AND #sk BETWEEN :from AND :to');
    expect(q.ExpressionAttributeValues).toMatchObject({ ':from': 'open#', ':to': 'open#2026-03-10T03:00:00.000Z' });
    expect(q.FilterExpression).toBeUndefined();
  });

  it('reads by received date on GSI2, where "overdue" is a filter on the due date the case is measured against', () => {
    const q = query({ sort: 'received', overdue: true });
    expect(q).toMatchObject({ IndexName: 'gsi2', ExpressionAttributeNames: { '#pk': 'gsi2pk', '#sk': 'gsi2sk' } });
    expect(q.FilterExpression).toContain('#firstDue < :now');
    expect(q.ExpressionAttributeValues![':now']).toBe(now.toISOString());
  });

  it('filters programme, kind and assignee on the Query', () => {
    expect(query({ programme: 'youth', kind: 'review', mine: true }).FilterExpression).toBe('#programme = :programme AND #kind = :kind AND #assignee = :me');
    expect(query({ unassigned: true }).FilterExpression).toBe('attribute_not_exists(#assignee)');
    expect(query({ mine: true }).ExpressionAttributeValues![':me']).toBe('me');
  });

  it('lists finished tasks newest first', () => {
    expect(query({ state: 'decided' })).toMatchObject({ ScanIndexForward: false, ExpressionAttributeValues: { ':state': 'decided#' } });
  });

  it('continues after an order key with the index’s full start key, and refuses a key of another listing', () => {
    const after = `open#2026-03-09T00:00:00.000Z#${taskId}`;
    expect(query({ sort: 'received' }, after).ExclusiveStartKey).toEqual({ pk: `APP#A${'0'.repeat(25)}`, sk: `TASK#${taskId}`, gsi2pk: 'TASKS#11110', gsi2sk: after });
    expect(() => query({ state: 'decided' }, after)).toThrow(RangeError);
  });
});

describe('queueQuerySchema', () => {
  const parse = (q: Record<string, string>) => queueQuerySchema.safeParse(q);
  it('defaults to the open tasks by due date, 50 a page', () => {
    expect(filterOf(queueQuerySchema.parse({}))).toEqual(base);
    expect(queueQuerySchema.parse({}).limit).toBe(50);
  });
  it.each([
    [{ mine: 'true', unassigned: 'true' }, 'unassigned'],
    [{ overdue: 'true', state: 'decided' }, 'overdue'],
    [{ kind: 'lunch' }, 'kind'],
    [{ programme: 'golf' }, 'programme'],
    [{ sort: 'name' }, 'sort'],
    [{ q: 'a\u202Eb' }, 'q'],
    [{ q: 'x'.repeat(61) }, 'q'],
    [{ limit: '0' }, 'limit'],
  ])('refuses %j with the field named', (q, field) => {
    const result = parse(q);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

/** The handler end to end over a document client that records every command and answers from a tiny table. */
describe('GET /api/staff/tasks issues no Scan', () => {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const task = {
    pk: `APP#A${'0'.repeat(25)}`,
    sk: `TASK#${taskId}`,
    taskId,
    applicationId: `A${'0'.repeat(25)}`,
    kind: 'review',
    period: 1,
    district: '11110',
    programme: 'youth',
    state: 'open',
    createdAt: '2026-03-01T00:00:00.000Z',
    dueAt: '2026-03-08T00:00:00.000Z',
  };
  // A second open task of the district, due later.
  const later = { ...task, taskId: `${task.applicationId}.${'y'.repeat(16)}`, sk: `TASK#${task.applicationId}.${'y'.repeat(16)}`, dueAt: '2026-03-20T00:00:00.000Z' };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    vi.stubEnv('TABLE_NAME', 'dolbom-test');
    vi.stubEnv('LOCAL_MASTER_KEY', '0'.repeat(64));
    sent.length = 0;
    vi.spyOn(DynamoDBDocumentClient.prototype, 'send').mockImplementation((async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      switch (command.constructor.name) {
        case 'QueryCommand': {
          const input = command.input as QueryCommandInput;
          const pk = String(input.ExpressionAttributeValues?.[':pk']);
          return { Items: pk === 'TASKS#11110' ? [task, later] : pk.startsWith('APP#') ? [task] : pk.startsWith('APPLICANT-NAME#') ? [{ applicationId: task.applicationId, district: '11110' }] : [] };
        }
        case 'BatchGetCommand':
          return { Responses: { 'dolbom-test': [{ id: task.applicationId, receiptNumber: 'DB-2026-AAAAAAAA', district: '11110', programme: 'youth', status: 'awaiting-review', createdAt: task.createdAt, answers: { applicant: { name: '홍길동' } } }] } };
        case 'GetCommand':
          return { Item: { applicationId: task.applicationId } };
        case 'PutCommand':
        case 'TransactWriteCommand': // the access log of the rows shown
          return {};
        default:
          throw new Error(`unexpected ${command.constructor.name}`);
      }
    }) as never);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  const call = async (query: Record<string, string>) => {
    const event = {
      routeKey: 'GET /api/staff/tasks',
      queryStringParameters: query,
      headers: {},
      requestContext: { requestId: 'r', http: { method: 'GET', sourceIp: '10.0.0.1' }, authorizer: { jwt: { claims: { sub: 'me', 'cognito:groups': ['caseworker'], 'custom:districts': '11110' } } } },
    } as unknown as HttpEvent;
    const response = (await listTasks(event, { awsRequestId: 'r' } as Context)) as { statusCode: number; body: string };
    return { status: response.statusCode, body: JSON.parse(response.body) };
  };

  it.each<Record<string, string>>([
    {},
    { sort: 'received' },
    { overdue: 'true' },
    { programme: 'youth', kind: 'review', unassigned: 'true' },
    { mine: 'true', sort: 'received', overdue: 'true' },
    { state: 'expired' },
    { q: 'DB-2026-AAAAAAAA' },
    { q: '홍 길동' },
  ])('%j: only Query, GetItem, BatchGetItem (and the access log\'s writes)', async (query) => {
    const { status, body } = await call(query);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map((c) => c.name).filter((n) => !['QueryCommand', 'GetCommand', 'BatchGetCommand', 'PutCommand', 'TransactWriteCommand'].includes(n))).toEqual([]);
    // The page showed a person: its access record was written.
    expect(sent.some((c) => c.name === 'TransactWriteCommand')).toBe(true);
    for (const c of sent.filter((c) => c.name === 'QueryCommand')) expect(c.input.KeyConditionExpression).toBeTruthy();
  });

  it('shows the row a case manager needs', async () => {
    const { body } = await call({});
    expect(body.tasks[0]).toMatchObject({ receiptNumber: 'DB-2026-AAAAAAAA', applicantName: '홍길동', applicationStatus: 'awaiting-review', receivedAt: task.createdAt, slaDueAt: task.dueAt, ageDays: 9, escalations: 0 });
    expect(body.tasks[0].sla).toEqual({ state: 'overdue', label: { ko: '기한 지남', en: 'Overdue' } });
  });

  it('refuses a tampered cursor, and a cursor of other filters, with 400', async () => {
    for (const cursor of ['bm90IGEgY3Vyc29y', 'x'.repeat(5000)]) {
      const refused = await call({ cursor });
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields[0]).toMatchObject({ field: 'cursor', code: 'cursor-invalid' });
    }
    const { body } = await call({ limit: '1' });
    // Two tasks in the district and a page of one: a cursor comes back.
    const next = body.next as string;
    expect(next).toBeTruthy();
    expect((await call({ limit: '1', cursor: next })).status).toBe(200);
    expect((await call({ limit: '1', cursor: next, kind: 'risk' })).status).toBe(400);
  });
});
