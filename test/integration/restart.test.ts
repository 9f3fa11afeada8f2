import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from 'vitest';
import { patched, youthExample } from '../support/answers';
import { clientsFor, eventually } from '../support/clients';
import { freeCloudPorts } from '../support/free-ports';
import { startCloudProcess, type CloudProcess } from '../support/local-cloud-process';

const ports = await freeCloudPorts();
const dataDir = mkdtempSync(path.join(tmpdir(), 'dolbom-restart-'));
let running: CloudProcess | undefined;
/** Each test starts the whole local cloud (synth, web build, DynamoDB Local) once or twice: slow on a busy 2-core machine. */
const startsBudget = { timeout: 180_000 };

afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('stopping and starting the local cloud', () => {
  it('loses nothing: the task token issued before the restart completes the review after it', startsBudget, async () => {
    running = await startCloudProcess(dataDir, ports);
    const before = clientsFor(running);
    const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110' } }) };
    const submitted = await before.http('POST', '/api/applications', body, { 'idempotency-key': randomUUID() });
    expect(submitted.status).toBe(202);
    const { applicationId, accessCode } = submitted.body;
    const executionArn = `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${applicationId}`;
    const token = await eventually(() => before.latestTaskToken(executionArn, 'CaseManagerReview'), 'the review task token');

    await running.stop();
    running = await startCloudProcess(dataDir, ports);
    const after = clientsFor(running);

    const resumed = await after.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(resumed.status).toBe('RUNNING');
    await after.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ decision: 'approve' }) }));
    const view = await eventually(async () => {
      const { body: status } = await after.http('GET', `/api/applications/${applicationId}`, undefined, { 'x-access-code': accessCode });
      return status.status === 'matching' ? status : undefined;
    }, 'the application to be matched to a provider after the restart');
    expect(view.timeline.filter((t: { status: string }) => t.status === 'awaiting-review')).toHaveLength(1);
  });

  it('survives a crash (SIGKILL): the orphaned database is ended, the work resumes, the old token still answers', startsBudget, async () => {
    const before = clientsFor(running!);
    const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110' } }) };
    const { applicationId, accessCode } = (await before.http('POST', '/api/applications', body, { 'idempotency-key': randomUUID() })).body;
    const executionArn = `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${applicationId}`;
    const token = await eventually(() => before.latestTaskToken(executionArn, 'CaseManagerReview'), 'the review task token');

    await running!.crash();
    running = await startCloudProcess(dataDir, ports);
    const after = clientsFor(running);
    await after.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ decision: 'approve' }) }));
    await eventually(async () => {
      const { body: status } = await after.http('GET', `/api/applications/${applicationId}`, undefined, { 'x-access-code': accessCode });
      return status.status === 'matching' ? status : undefined;
    }, 'the application to be matched to a provider after the crash');
  });

  it('keeps the virtual clock across a restart (durable timers are due against it)', startsBudget, async () => {
    const client = clientsFor(running!);
    const { body: clockBefore } = await client.http('GET', '/local/clock');
    await running!.stop();
    running = await startCloudProcess(dataDir, ports);
    const { body: clockAfter } = await clientsFor(running).http('GET', '/local/clock');
    expect(clockAfter.offsetMs).toBe(clockBefore.offsetMs);
  });
});
