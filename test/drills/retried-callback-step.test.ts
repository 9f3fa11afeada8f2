/**
 * Found by the fault drill (fault-injection.test.ts): a callback step whose answer is lost after it
 * wrote its task — OpenHumanTask's review task, OpenProviderOffer's offer — is run again by the
 * state's Retry with a new task token, the first attempt's being dead. It used to open a second task
 * (a second offer), leaving the first open with the dead token: the case manager, or the agency, could
 * answer that one, be told 202, and the workflow never heard it. Now a retried attempt hands the new
 * token to the task (the offer) the first attempt opened, and passes on an answer given meanwhile.
 *
 * Here every first attempt of the two steps loses its answer (DOLBOM_FAULTS, sites=invocation), and
 * the case manager and the agency answer as soon as the task and the offer show — before the retry or
 * after it, as the pause falls: either way the application goes on, with one task and one offer.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import { LIFECYCLE_EXECUTION } from '../support/case-work';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { providerWork } from '../support/provider-offers';

let drill: DrillCloud;

beforeAll(async () => {
  drill = await startDrillCloud('retried-callback-step', {
    DOLBOM_FAULTS: 'rate=1;kinds=exception;sites=invocation;only=openHumanTask,openProviderOffer;limit=1',
  });
});
afterAll(() => drill?.dispose());

describe('a callback step retried after it opened its task', () => {
  it('keeps one review task and one offer, each holding the live token, and an answer given to the first attempt reaches the workflow', async () => {
    const work = providerWork(drill.clients);
    const receipt = await work.submitYouth();
    await work.approveOfferingTo(receipt, 'P-MAEUMSUP');
    const provider = await drill.clients.signIn('provider.maeum');
    const offer = await work.untilPortalOffer(provider, receipt.applicationId);
    const accepted = await drill.clients.http('POST', `/api/provider/offers/${offer.offerId}/decision`, { decision: 'accept' }, work.bearer(provider));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    await work.untilStatus(receipt, 'in-service');

    // Both first attempts lost their answer, and the state's Retry ran each again.
    const history = await drill.clients.history(LIFECYCLE_EXECUTION(receipt.applicationId));
    let state = '';
    const failed: string[] = [];
    for (const event of history) {
      if (event.stateEnteredEventDetails?.name) state = event.stateEnteredEventDetails.name;
      if (event.type === 'TaskFailed') failed.push(`${state} ${event.taskFailedEventDetails?.error}`);
    }
    expect(failed).toEqual(['CaseManagerReview Dolbom.Retryable', 'ProviderOffer Dolbom.Retryable']);

    // One task, decided; one offer, accepted; each opened once in the audit trail.
    const { Items = [] } = await drill.clients.db.send(
      new QueryCommand({ TableName: 'dolbom-dev', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.application(receipt.applicationId).pk }, ConsistentRead: true }),
    );
    expect(Items.filter((i) => i.entity === 'Task').map((t) => [t.kind, t.state])).toEqual([['review', 'decided']]);
    expect(Items.filter((i) => i.entity === 'ProviderOffer').map((o) => [o.offerId, o.state])).toEqual([[offer.offerId, 'accepted']]);
    const actions = Items.filter((i) => i.entity === 'AuditEvent').map((i) => i.action as string);
    for (const once of ['task.opened', 'review.decided', 'provider.offered', 'provider.matched']) {
      expect(actions.filter((a) => a === once), once).toHaveLength(1);
    }
  });
});
