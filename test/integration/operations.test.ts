import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/clients';
import { cloud, local, submission, untilStatus, untilTaskToken } from '../support/cloud-test';

const run = promisify(execFile);
const portOf = (url: string) => new URL(url).port;

describe('the operator commands of the README', () => {
  it('npm start printed its follow-up commands with the ports this cloud runs on', () => {
    const printed = readFileSync(cloud.logFile, 'utf8');
    expect(printed).toContain(`PORT=${portOf(cloud.api)} npm run clock -- +30d`);
    expect(printed).toContain(`SFN_PORT=${portOf(cloud.sfn)} npm run -s task-token -- <applicationId>`);
    expect(printed).toContain(`export API=http://localhost:${portOf(cloud.api)} SFN=http://localhost:${portOf(cloud.sfn)}`);
  });

  it('`npm run -s task-token -- <applicationId>` prints just the token of the waiting review, which send-task-success accepts', async () => {
    const correlationId = `it-ops-${randomUUID()}`;
    const response = await local.http('POST', '/api/applications', submission('youth'), { 'idempotency-key': correlationId, 'x-correlation-id': correlationId });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    const receipt = response.body as { applicationId: string; receiptNumber: string; accessCode: string };
    await untilStatus(receipt, 'awaiting-review');
    const fromHistory = await untilTaskToken(receipt.applicationId, 'CaseManagerReview');

    const { stdout, stderr } = await run('npm', ['run', '-s', 'task-token', '--', receipt.applicationId], {
      env: { ...process.env, SFN_PORT: portOf(cloud.sfn) },
    });
    expect(stdout).toBe(`${fromHistory}\n`);
    expect(stderr).toContain('CaseManagerReview waits');

    await local.sfn.send(new SendTaskSuccessCommand({ taskToken: stdout.trim(), output: JSON.stringify({ decision: 'approve' }) }));
    await eventually(async () => ((await local.http('GET', `/api/applications/${receipt.applicationId}`, undefined, { 'x-access-code': receipt.accessCode })).body.status !== 'awaiting-review' ? true : undefined), 'the review to be answered');

    // An application with nothing waiting: nothing on stdout, exit code 1.
    const none = await run('npm', ['run', '-s', 'task-token', '--', 'A00000000000000000000NOPE'], { env: { ...process.env, SFN_PORT: portOf(cloud.sfn) } }).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect(none.stdout).toBe('');
    expect((none as { code?: number }).code).toBe(1);

    // The request's correlation id is on the request line, on every step of its execution and on the metric.
    const correlated = () =>
      readFileSync(cloud.logFile, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.correlationId === correlationId);
    const lines = await eventually(async () => {
      const found = correlated();
      return found.some((line) => line.step === 'RecordDecision') ? found : undefined;
    }, 'the RecordDecision step to log');
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'request', route: 'POST /api/applications', status: 202 })]));
    const steps = lines.filter((line) => line.message === 'step done').map((line) => line.step);
    expect(steps).toEqual(expect.arrayContaining(['CheckEligibility', 'OpenHumanTask', 'RecordDecision']));
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ ApplicationsSubmitted: 1, programme: 'youth', Stage: 'local' })]));
  });
});
