/**
 * Item 9 of issue 6: one transient error failed an application for good. DynamoDB cancels a
 * transaction with `TransactionConflict` when another transaction holds one of its items; trying
 * again a moment later succeeds. Here the local cloud fails the first two writes of two lifecycle
 * steps exactly that way (DOLBOM_FAULTS, functions/commons/faults.ts: a real TransactionCanceledException,
 * parsed by the handlers' own SDK client), and the application must still reach its case manager, once.
 */
import { randomUUID } from 'node:crypto';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patched, youthExample } from '../support/answers';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

const executionArn = (name: string) => `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${name}`;

/** The errors each state's tasks failed with, in order, as the execution history shows them. */
function taskFailures(history: HistoryEvent[]): Record<string, string[]> {
  const failures: Record<string, string[]> = {};
  let state = '';
  for (const event of history) {
    if (event.stateEnteredEventDetails?.name) state = event.stateEnteredEventDetails.name;
    if (event.type === 'TaskFailed') (failures[state] ??= []).push(event.taskFailedEventDetails?.error ?? '');
  }
  return failures;
}

describe('a lifecycle step that meets DynamoDB transaction conflicts', () => {
  let drill: DrillCloud;

  beforeAll(async () => {
    drill = await startDrillCloud('transient-errors', {
      DOLBOM_FAULTS: 'rate=1;kinds=conflict;only=checkEligibility,openHumanTask;limit=2',
    });
  });
  afterAll(() => drill?.dispose());

  it('is tried again with backoff, and the application reaches review once instead of failing', async () => {
    const { http, history, db } = drill.clients;
    const answers = patched(youthExample, { applicant: { district: '11110' } });
    const submitted = await http('POST', '/api/applications', { programme: 'youth', answers }, { 'idempotency-key': randomUUID() });
    expect(submitted.status).toBe(202);
    const { applicationId, accessCode } = submitted.body as { applicationId: string; accessCode: string };

    const settled = await eventually(
      async () => {
        const { body } = await http('GET', `/api/applications/${applicationId}`, undefined, { 'x-access-code': accessCode });
        return ['awaiting-review', 'failed'].includes(body?.status) ? (body.status as string) : undefined;
      },
      'the application to reach review or fail',
      60_000,
    );

    // Both faults fired (twice each), and each was retried rather than sent to RecordWorkflowFailure.
    const failures = taskFailures(await history(executionArn(applicationId)));
    console.log('task failures by state:', JSON.stringify(failures));
    expect(failures.CheckEligibility?.length, 'conflicts in CheckEligibility').toBeGreaterThanOrEqual(1);
    expect(settled).toBe('awaiting-review');
    expect(failures).toEqual({ CheckEligibility: ['Dolbom.Retryable', 'Dolbom.Retryable'], CaseManagerReview: ['Dolbom.Retryable', 'Dolbom.Retryable'] });

    // Nothing doubled: one eligibility decision, one task opened and still open, no failure recorded.
    const items = await db.send(new QueryCommand({ TableName: 'dolbom-dev', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `APP#${applicationId}` } }));
    const actions = (items.Items ?? []).filter((item) => item.entity === 'AuditEvent').map((item) => item.action as string);
    expect(actions.filter((a) => a === 'eligibility.checked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'task.opened')).toHaveLength(1);
    expect(actions).not.toContain('workflow.failed');
    expect((items.Items ?? []).filter((item) => String(item.sk).startsWith('TASK#') && item.state === 'open')).toHaveLength(1);
  });
});
