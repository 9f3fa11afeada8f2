/**
 * Issue 6, items 7 and 10: a decision is recorded as the signed-in person who made it, never as
 * whoever a task token's output claims; the case manager's note is kept on the task and in the audit
 * trail, shown to staff, and never to the citizen or in a log.
 */
import { readFileSync } from 'node:fs';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWork, LIFECYCLE_EXECUTION } from '../support/case-work';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { freePort } from '../support/free-ports';

let drill: DrillCloud;
let work: ReturnType<typeof caseWork>;
let jongno: string;
let supervisor: string;

beforeAll(async () => {
  drill = await startDrillCloud('forged-decider');
  work = caseWork(drill.clients);
  [jongno, supervisor] = await Promise.all([drill.clients.signIn('caseworker.jongno'), drill.clients.signIn('supervisor')]);
});

afterAll(async () => {
  await drill?.dispose();
});

const decided = (events: Awaited<ReturnType<ReturnType<typeof caseWork>['auditTrail']>>) => events.filter((e) => e.action === 'review.decided');

describe('a decision sent straight to the Step Functions API', () => {
  it('is recorded as such: the decidedBy, sourceIp, note and counsellor it claims are not believed', async () => {
    const receipt = await work.submitYouth('11110'); // 종로구
    await work.untilStatus(receipt, 'awaiting-review');
    const token = await eventually(() => drill.clients.latestTaskToken(LIFECYCLE_EXECUTION(receipt.applicationId), 'CaseManagerReview'), 'a review token');

    const forged = { decision: 'approve', decidedBy: 'caseworker.mapo', sourceIp: '198.51.100.7', note: 'approved by mapo', counsellorId: 'C-FORGED' };
    await drill.clients.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(forged) }));
    await work.untilStatus(receipt, ['matching', 'matched', 'in-service', 'waitlisted']);

    const events = await work.auditTrail(supervisor, receipt.applicationId);
    const [decision] = decided(events);
    expect(decided(events)).toHaveLength(1);
    expect(decision!.actor).toEqual({ kind: 'step-functions-api' });
    expect(decision!.note).toBeUndefined();
    const trail = JSON.stringify(events);
    for (const claim of ['caseworker.mapo', '198.51.100.7', 'approved by mapo', 'C-FORGED']) expect(trail).not.toContain(claim);

    const file = await work.caseFile(supervisor, receipt.applicationId);
    expect(file.tasks[0]).toMatchObject({ state: 'decided', answer: { decision: 'approve', via: 'step-functions-api' } });
    expect(JSON.stringify(file.tasks)).not.toContain('caseworker.mapo');
    // Only a signed-in case manager proposes a counsellor: a claimed one never reaches the match.
    expect(file.match?.proposedCounsellorId).toBeUndefined();
    expect(JSON.stringify(file.tasks)).not.toContain('C-FORGED');
  });
});

describe('a decision through the console', () => {
  const note = '소득 증빙 재확인함. 보호자와 통화 후 승인';

  it('records the signed-in case manager and the note; staff see the note, the citizen and the logs never do', async () => {
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);

    const answer = await work.decide(jongno, task.taskId, { decision: 'approve', note, decidedBy: 'caseworker.mapo' });
    expect(answer.status).toBe(202);
    await work.untilStatus(receipt, ['matching', 'matched', 'in-service', 'waitlisted']);

    const events = await work.auditTrail(supervisor, receipt.applicationId);
    expect(decided(events)).toHaveLength(1);
    expect(decided(events)[0]).toMatchObject({ actor: { kind: 'staff', userId: 'caseworker.jongno', groups: ['caseworker'] }, note });
    expect(JSON.stringify(events)).not.toContain('caseworker.mapo');

    const file = await work.caseFile(supervisor, receipt.applicationId);
    const shown = file.tasks.find((t: { taskId: string }) => t.taskId === task.taskId);
    expect(shown).toMatchObject({ state: 'decided', answer: { decision: 'approve', via: 'console', by: { userId: 'caseworker.jongno' }, note } });

    expect(JSON.stringify(await work.citizenView(receipt))).not.toContain(note);
    expect(readFileSync(drill.process.logFile, 'utf8')).not.toContain(note);
  });

  it('refuses a note with control characters or over 2,000 characters, naming the field', async () => {
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);
    for (const bad of ['벨\u0007', 'nul\u0000', 'bidi\u202Eoverride', 'x'.repeat(2001)]) {
      const refused = await work.decide(jongno, task.taskId, { decision: 'approve', note: bad });
      expect(refused.status, JSON.stringify(bad.slice(0, 10))).toBe(400);
      expect(refused.body.error.fields[0].field).toBe('note');
      expect(refused.body.error.fields[0].message.ko).toBeTruthy();
    }
    const multiLine = await work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service' }, note: '첫째 줄\n둘째 줄' });
    expect(multiLine.status).toBe(202);
  });

  it('gives two case managers deciding at once one winner, and a same-person retry the same answer', async () => {
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);

    const [mine, again, theirs] = await Promise.all([
      work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service' }, note }),
      work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service' }, note }),
      work.decide(supervisor, task.taskId, { decision: 'approve' }),
    ]);
    const jongnoWon = mine.status === 202;
    if (jongnoWon) {
      expect([mine.status, again.status, theirs.status]).toEqual([202, 202, 409]);
    } else {
      expect([mine.status, again.status, theirs.status]).toEqual([409, 409, 202]);
    }
    await work.untilStatus(receipt, jongnoWon ? 'rejected' : ['matching', 'matched', 'in-service', 'waitlisted']);
    const retried = await work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service' }, note });
    expect(retried.status).toBe(jongnoWon ? 202 : 409);

    const events = decided(await work.auditTrail(supervisor, receipt.applicationId));
    expect(events).toHaveLength(1);
    expect(events[0]!.actor).toMatchObject({ userId: jongnoWon ? 'caseworker.jongno' : 'supervisor' });
  });

  it('completes a decision whose route died before it answered the token, when the same person retries', async () => {
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);

    // The decision route, run as the local gateway runs it, against this cloud's table but with a
    // Step Functions endpoint nobody answers: it stores the decision, then fails to send the token.
    const died = await decideInProcess(jongno, task.taskId, { decision: 'approve', note }, `http://127.0.0.1:${await freePort()}`);
    // Step Functions unreachable is a fault another try may fix: 503, send the same decision again.
    expect(died.statusCode).toBe(503);
    expect(Number(died.headers?.['retry-after'])).toBeGreaterThan(0);
    const pending = (await work.caseFile(jongno, receipt.applicationId)).tasks.find((t: { taskId: string }) => t.taskId === task.taskId);
    expect(pending).toMatchObject({ state: 'open', answer: { decision: 'approve', by: { userId: 'caseworker.jongno' }, note } });

    // Someone else cannot take over a decision that is already made; its author can finish it.
    expect((await work.decide(supervisor, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service' } })).status).toBe(409);
    expect((await work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service' } })).status).toBe(409);
    expect((await work.decide(jongno, task.taskId, { decision: 'approve', note })).status).toBe(202);
    await work.untilStatus(receipt, ['matching', 'matched', 'in-service', 'waitlisted']);
    // The token is spent now: the same retry still gets the same answer, and nothing is recorded twice.
    expect((await work.decide(jongno, task.taskId, { decision: 'approve', note })).status).toBe(202);

    const events = decided(await work.auditTrail(supervisor, receipt.applicationId));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: { kind: 'staff', userId: 'caseworker.jongno' }, note });
  });
});

/** POST /api/staff/tasks/{taskId}/decision in this process, with the claims of a signed-in user's token. */
async function decideInProcess(idToken: string, taskId: string, body: unknown, sfnEndpoint: string): Promise<APIGatewayProxyStructuredResultV2> {
  const lambdaEnvironment = {
    TABLE_NAME: 'dolbom-dev',
    AWS_REGION: 'ap-northeast-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: drill.process.dynamodb,
    AWS_ENDPOINT_URL_SFN: sfnEndpoint,
    DOLBOM_LOG: 'silent',
  };
  const saved = Object.fromEntries(Object.keys(lambdaEnvironment).map((name) => [name, process.env[name]]));
  Object.assign(process.env, lambdaEnvironment);
  try {
    return await invokeDecisionRoute(idToken, taskId, body);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function invokeDecisionRoute(idToken: string, taskId: string, body: unknown): Promise<APIGatewayProxyStructuredResultV2> {
  const { handler } = await import('../../functions/review/decide-task');
  const claims = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8'));
  const routeKey = 'POST /api/staff/tasks/{taskId}/decision';
  const event = {
    version: '2.0',
    routeKey,
    rawPath: `/api/staff/tasks/${taskId}/decision`,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    pathParameters: { taskId },
    requestContext: {
      http: { method: 'POST', path: `/api/staff/tasks/${taskId}/decision`, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'drill' },
      requestId: 'drill',
      routeKey,
      authorizer: { jwt: { claims, scopes: null } },
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
  return (await handler(event as never, { awsRequestId: 'drill' } as Context)) as APIGatewayProxyStructuredResultV2;
}
