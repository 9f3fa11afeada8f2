import { createSocket, type Socket } from 'node:dgram';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dynamo, s3, sfn } from '../../../functions/commons/clients';
import { daemonAddress, sampledTrace, traced } from '../../../functions/commons/tracing';
import { awsChannels } from '../../../functions/notifications/aws-channels';

const TRACE_ID = '1-6744a1b2-5759e988bd862e3fe1be46a9';
const FUNCTION_SEGMENT = '53995c3f42cd8ad8';
const LINEAGE = 'Lineage=a87bd80c:0';
const sampledHeader = `Root=${TRACE_ID};Parent=${FUNCTION_SEGMENT};Sampled=1;${LINEAGE}`;

/** A person's data, as handlers write it: none of it may reach a trace. */
const PERSON = { name: '홍길동', rrn: '900101-1234567', phone: '010-1234-5678', note: '기초생활수급 상담 요청' };

// ---- a stand-in for the X-Ray daemon: a UDP socket that keeps what it receives, in order ----

let daemonSocket: Socket;
const received: string[] = [];
const waiting: ((datagram: string) => void)[] = [];

/** The next datagram the daemon receives; a guard, not a timing check, turns "none came" into a clear failure. */
function nextDatagram(): Promise<string> {
  const datagram = received.shift();
  if (datagram !== undefined) return Promise.resolve(datagram);
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => reject(new Error('no subsegment reached the daemon')), 10_000);
    waiting.push((datagram) => {
      clearTimeout(guard);
      resolve(datagram);
    });
  });
}

/** The next datagram, checked for X-Ray's daemon protocol and parsed. */
async function nextSubsegment(): Promise<{ raw: string; document: Record<string, any> }> {
  const raw = await nextDatagram();
  const [header, body, ...rest] = raw.split('\n');
  expect(header).toBe('{"format":"json","version":1}');
  expect(rest).toEqual([]);
  return { raw, document: JSON.parse(body!) as Record<string, any> };
}

// ---- a stand-in for AWS: answers each request with the next answer queued, and keeps its headers ----

interface Answer {
  status: number;
  body: string;
  contentType?: string;
}
let aws: Server;
let endpoint: string;
const answers: Answer[] = [];
const requestHeaders: IncomingHttpHeaders[] = [];
let requests = 0;

function answer(...queued: Answer[]) {
  answers.push(...queued);
}

const dynamoError = (status: number, type: string, extra: Record<string, unknown> = {}): Answer => ({
  status,
  body: JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: `${type} happened`, ...extra }),
});

beforeAll(async () => {
  daemonSocket = createSocket('udp4');
  daemonSocket.on('message', (message) => {
    const datagram = message.toString('utf8');
    const waiter = waiting.shift();
    if (waiter) waiter(datagram);
    else received.push(datagram);
  });
  await new Promise<void>((resolve) => daemonSocket.bind(0, '127.0.0.1', resolve));

  aws = createServer((request, response) => {
    requestHeaders.push(request.headers);
    request.resume();
    request.on('end', () => {
      const next = answers.shift() ?? { status: 200, body: '{}' };
      response.writeHead(next.status, { 'content-type': next.contentType ?? 'application/x-amz-json-1.0', 'x-amzn-requestid': `REQ-${++requests}` });
      response.end(next.body);
    });
  });
  await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(aws.address() as AddressInfo).port}`;
});

afterAll(async () => {
  daemonSocket.close();
  await new Promise((resolve) => aws.close(resolve));
});

/** Inside a Lambda invocation that X-Ray samples (the variables the Lambda runtime sets). */
function inSampledInvocation(header = sampledHeader) {
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'dolbom-test-submitApplication');
  vi.stubEnv('_X_AMZN_TRACE_ID', header);
  vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${daemonSocket.address().port}`);
}

beforeEach(() => {
  // The shared clients (commons/clients.ts) read these when first used; AWS is the local stand-in.
  vi.stubEnv('AWS_REGION', 'ap-northeast-2');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', endpoint);
  vi.stubEnv('AWS_ENDPOINT_URL_SFN', endpoint);
  vi.stubEnv('AWS_ENDPOINT_URL_SNS', endpoint);
  vi.stubEnv('AWS_ENDPOINT_URL_S3', endpoint);
  vi.stubEnv('_X_AMZN_TRACE_ID', undefined);
  vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', undefined);
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', undefined);
  answers.length = 0;
  requestHeaders.length = 0;
});

afterEach(() => {
  vi.unstubAllEnvs();
  // A datagram no test read was sent by a call that should have sent none (or one too many).
  waiting.length = 0;
  expect(received.splice(0)).toEqual([]);
});

/** A client of its own, to control retries (the shared ones keep the SDK's three attempts). */
function dynamoClient(options: { maxAttempts: number; endpoint?: string }) {
  return traced(new DynamoDBClient({ region: 'ap-northeast-2', credentials: { accessKeyId: 'l', secretAccessKey: 'l' }, endpoint, ...options }));
}

describe('traced: a subsegment per SDK call in a sampled invocation', () => {
  it("sends one subsegment for a DynamoDB write of the shared client, a child of the function's segment, naming the table and never the item", async () => {
    inSampledInvocation();
    const item = { pk: 'APP#01JDOLBOMTRACE', sk: 'APPLICATION', ...PERSON };
    await dynamo().send(new PutCommand({ TableName: 'dolbom-test', Item: item, ConditionExpression: 'attribute_not_exists(pk) OR #n <> :n', ExpressionAttributeNames: { '#n': 'name' }, ExpressionAttributeValues: { ':n': PERSON.name } }));

    const { raw, document } = await nextSubsegment();
    expect(document).toMatchObject({
      type: 'subsegment',
      trace_id: TRACE_ID,
      parent_id: FUNCTION_SEGMENT,
      name: 'DynamoDB',
      namespace: 'aws',
      aws: { operation: 'PutItem', region: 'ap-northeast-2', request_id: `REQ-${requests}`, retries: 0, table_name: 'dolbom-test' },
      http: { response: { status: 200 } },
    });
    expect(document.id).toMatch(/^[0-9a-f]{16}$/);
    expect(document.id).not.toBe(FUNCTION_SEGMENT);
    expect(document.start_time).toBeGreaterThan(1.7e9);
    expect(document.end_time).toBeGreaterThanOrEqual(document.start_time);
    expect(document).not.toHaveProperty('error');
    expect(document).not.toHaveProperty('fault');
    expect(document).not.toHaveProperty('throttle');
    for (const value of [...Object.values(item), 'attribute_not_exists', '#n']) expect(raw).not.toContain(value);
  });

  it('tells AWS that this subsegment is the parent of what it does, keeping the root, the sampling and the lineage', async () => {
    inSampledInvocation();
    await dynamo().send(new GetCommand({ TableName: 'dolbom-test', Key: { pk: 'APP#1', sk: 'APPLICATION' } }));
    const { document } = await nextSubsegment();
    expect(requestHeaders.at(-1)?.['x-amzn-trace-id']).toBe(`Root=${TRACE_ID};Parent=${document.id};Sampled=1;${LINEAGE}`);
  });

  it('flags a failed condition as an error (4xx) with its type, never its message or the item DynamoDB sends back', async () => {
    inSampledInvocation();
    answer(dynamoError(400, 'ConditionalCheckFailedException', { Item: { name: { S: PERSON.name }, rrn: { S: PERSON.rrn } } }));
    const failed = await dynamo()
      .send(new PutCommand({ TableName: 'dolbom-test', Item: { pk: 'APP#2', sk: 'APPLICATION', ...PERSON }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }))
      .catch((error: Error) => error);
    expect((failed as Error).name).toBe('ConditionalCheckFailedException');

    const { raw, document } = await nextSubsegment();
    expect(document).toMatchObject({ name: 'DynamoDB', error: true, http: { response: { status: 400 } }, aws: { operation: 'PutItem', table_name: 'dolbom-test' } });
    expect(document.cause.exceptions).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{16}$/), type: 'ConditionalCheckFailedException', remote: true }]);
    expect(document).not.toHaveProperty('fault');
    expect(document).not.toHaveProperty('throttle');
    for (const value of [...Object.values(PERSON), 'happened']) expect(raw).not.toContain(value);
  });

  it("flags DynamoDB's throttle (a 400) as an error and a throttle, naming the index it hit", async () => {
    inSampledInvocation();
    answer(dynamoError(400, 'ProvisionedThroughputExceededException'));
    const query = new QueryCommand({ TableName: 'dolbom-test', IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :d', ExpressionAttributeValues: { ':d': { S: 'DISTRICT#11680' } } });
    await expect(dynamoClient({ maxAttempts: 1 }).send(query)).rejects.toThrow();
    const { raw, document } = await nextSubsegment();
    expect(document).toMatchObject({ error: true, throttle: true, http: { response: { status: 400 } }, aws: { operation: 'Query', table_name: 'dolbom-test', index_name: 'gsi1' } });
    expect(raw).not.toContain('DISTRICT#11680');
    expect(document.cause.exceptions[0].type).toBe('ProvisionedThroughputExceededException');
    expect(document).not.toHaveProperty('fault');
  });

  it('flags a 5xx as a fault and counts the retries of the one call', async () => {
    inSampledInvocation();
    answer(dynamoError(500, 'InternalServerError'), dynamoError(500, 'InternalServerError'));
    await expect(dynamoClient({ maxAttempts: 2 }).send(new GetItemCommand({ TableName: 'dolbom-test', Key: { pk: { S: 'APP#4' } } }))).rejects.toThrow();
    const { document } = await nextSubsegment();
    expect(document).toMatchObject({ fault: true, http: { response: { status: 500 } }, aws: { operation: 'GetItem', retries: 1 } });
    expect(document).not.toHaveProperty('error');
  });

  it('records a call that succeeded on its retry as a success, with the retry counted', async () => {
    inSampledInvocation();
    answer(dynamoError(500, 'InternalServerError'), { status: 200, body: '{}' });
    await dynamoClient({ maxAttempts: 2 }).send(new GetItemCommand({ TableName: 'dolbom-test', Key: { pk: { S: 'APP#5' } } }));
    const { document } = await nextSubsegment();
    expect(document).toMatchObject({ http: { response: { status: 200 } }, aws: { retries: 1, request_id: `REQ-${requests}` } });
    expect(document).not.toHaveProperty('fault');
  });

  it('flags a call that got no answer (connection refused) as a fault, without an HTTP status', async () => {
    inSampledInvocation();
    const client = dynamoClient({ maxAttempts: 1, endpoint: 'http://127.0.0.1:9' });
    await expect(client.send(new GetItemCommand({ TableName: 'dolbom-test', Key: { pk: { S: 'APP#6' } } }))).rejects.toThrow();
    const { document } = await nextSubsegment();
    expect(document).toMatchObject({ name: 'DynamoDB', fault: true, aws: { operation: 'GetItem', table_name: 'dolbom-test' } });
    expect(document).not.toHaveProperty('http');
    expect(document.cause.exceptions[0].remote).toBe(false);
  });

  it("names the state machine a workflow start goes to, never the execution's name or its input", async () => {
    inSampledInvocation();
    answer({ status: 200, body: JSON.stringify({ executionArn: 'arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-test-lifecycle:APP01JDOLBOM-h1', startDate: 1.7e9 }) });
    await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-test-lifecycle',
        name: 'APP01JDOLBOM-h1',
        input: JSON.stringify({ applicationId: 'APP01JDOLBOM', applicant: PERSON }),
      }),
    );
    const { raw, document } = await nextSubsegment();
    expect(document).toMatchObject({ name: 'SFN', namespace: 'aws', aws: { operation: 'StartExecution', state_machine: 'dolbom-test-lifecycle' } });
    for (const value of ['APP01JDOLBOM', ...Object.values(PERSON)]) expect(raw).not.toContain(value);
  });

  it("traces the notification channels' SMS without the phone number or the text", async () => {
    inSampledInvocation();
    vi.stubEnv('NOTIFICATION_EMAIL_FROM', 'noreply@dolbom.example');
    answer({
      status: 200,
      contentType: 'text/xml',
      body: '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>',
    });
    const sent = await awsChannels().sms.send({ to: PERSON.phone, subject: '[돌봄] 신청 접수', text: `[돌봄] 신청 접수: ${PERSON.name}님 ${PERSON.note}` });
    expect(sent.messageId).toBe('m-1');
    const { raw, document } = await nextSubsegment();
    expect(document).toMatchObject({ name: 'SNS', aws: { operation: 'Publish' }, http: { response: { status: 200 } } });
    for (const value of [...Object.values(PERSON), '1012345678', '신청 접수']) expect(raw).not.toContain(value);
  });
});

describe('traced: nothing sent', () => {
  // UDP has no "nothing arrived" signal: each test ends with a call that is traced, and the first
  // datagram the daemon receives must be that call's (table "traced"), so the calls before it sent none.
  async function expectOnlyTheLastCallTraced() {
    inSampledInvocation();
    await dynamoClient({ maxAttempts: 1 }).send(new GetItemCommand({ TableName: 'traced', Key: { pk: { S: 'APP#7' } } }));
    const { document } = await nextSubsegment();
    expect(document.aws.table_name).toBe('traced');
  }

  it('when the invocation is not sampled, and then leaves the trace header as Lambda set it', async () => {
    const unsampled = `Root=${TRACE_ID};Parent=${FUNCTION_SEGMENT};Sampled=0;${LINEAGE}`;
    inSampledInvocation(unsampled);
    await dynamo().send(new GetCommand({ TableName: 'unsampled', Key: { pk: 'APP#8', sk: 'APPLICATION' } }));
    expect(requestHeaders.at(-1)?.['x-amzn-trace-id']).toBe(unsampled);
    await expectOnlyTheLastCallTraced();
  });

  it('outside Lambda: no trace header, or no daemon address (the local cloud has neither)', async () => {
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', `127.0.0.1:${daemonSocket.address().port}`);
    await dynamo().send(new GetCommand({ TableName: 'no-trace-header', Key: { pk: 'APP#9', sk: 'APPLICATION' } }));
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', undefined);
    vi.stubEnv('_X_AMZN_TRACE_ID', sampledHeader);
    await dynamo().send(new GetCommand({ TableName: 'no-daemon', Key: { pk: 'APP#9', sk: 'APPLICATION' } }));
    await expectOnlyTheLastCallTraced();
  });

  it('for a presigned S3 URL, which sends nothing to AWS', async () => {
    inSampledInvocation();
    vi.stubEnv('DOCUMENTS_BUCKET', 'dolbom-test-documents');
    const url = await getSignedUrl(s3(), new PutObjectCommand({ Bucket: 'dolbom-test-documents', Key: 'supplements/APP#10/a.pdf' }), { expiresIn: 60 });
    expect(url).toContain('dolbom-test-documents');
    await expectOnlyTheLastCallTraced();
  });
});

describe('traced: a daemon that cannot be reached never fails or holds up a call', () => {
  it.each(['127.0.0.1:9', 'no-such-daemon.invalid:2000', 'not an address'])('daemon at %s', async (address) => {
    inSampledInvocation();
    vi.stubEnv('AWS_XRAY_DAEMON_ADDRESS', address);
    answer({ status: 200, body: JSON.stringify({ Item: { pk: { S: 'APP#11' } } }) });
    const out = await dynamo().send(new GetCommand({ TableName: 'dolbom-test', Key: { pk: 'APP#11', sk: 'APPLICATION' } }));
    expect(out.Item).toEqual({ pk: 'APP#11' });
  });
});

describe('sampledTrace', () => {
  it("reads the root and the function's segment of a sampled invocation", () => {
    expect(sampledTrace(sampledHeader)).toEqual({ traceId: TRACE_ID, parentId: FUNCTION_SEGMENT, header: sampledHeader });
  });

  it('is undefined when not sampled, undecided, absent or without a parent', () => {
    for (const header of [undefined, '', `Root=${TRACE_ID};Parent=${FUNCTION_SEGMENT};Sampled=0`, `Root=${TRACE_ID};Parent=${FUNCTION_SEGMENT};Sampled=?`, `Root=${TRACE_ID};Sampled=1`]) {
      expect(sampledTrace(header), String(header)).toBeUndefined();
    }
  });
});

describe('daemonAddress', () => {
  it("reads Lambda's host:port and the SDKs' udp/tcp pair", () => {
    expect(daemonAddress('169.254.79.129:2000')).toEqual({ host: '169.254.79.129', port: 2000 });
    expect(daemonAddress('tcp:127.0.0.1:2000 udp:127.0.0.2:2001')).toEqual({ host: '127.0.0.2', port: 2001 });
    expect(daemonAddress('[::1]:2000')).toEqual({ host: '::1', port: 2000 });
  });

  it('is undefined when unset or malformed', () => {
    for (const value of [undefined, '', '127.0.0.1', ':2000', '127.0.0.1:port', 'not an address']) expect(daemonAddress(value), String(value)).toBeUndefined();
  });
});
