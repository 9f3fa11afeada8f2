/**
 * Found by the fault drill (fault-injection.test.ts): a callback step whose answer is lost after it
 * wrote its task — OpenHumanTask's review task, OpenProviderOffer's offer — is run again by the
 * state's Retry with a new task token, the first attempt's being dead. It used to open a second task
 * (a second offer), leaving the first open with the dead token: the case manager, or the agency, could
 * answer that one, be told 202, and the workflow never heard it. AwaitSupplement kept the dead token
 * on the round, so the citizen's answer went nowhere and the round lapsed as unanswered. Now a retried
 * attempt hands the new token to the task, offer or round the first attempt wrote, and passes on an
 * answer given meanwhile (functions/applications/renewed-token.ts).
 *
 * Here every first attempt of the three steps loses its answer (DOLBOM_FAULTS, sites=invocation), and
 * the case manager, the citizen and the agency answer as soon as the task, the request and the offer
 * show — before the retry or after it, as the pause falls: either way the application goes on.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import { LIFECYCLE_EXECUTION } from '../support/case-work';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { providerWork } from '../support/provider-offers';

let drill: DrillCloud;

beforeAll(async () => {
  drill = await startDrillCloud('retried-callback-step', {
    DOLBOM_FAULTS: 'rate=1;kinds=exception;sites=invocation;only=openHumanTask,openProviderOffer,awaitSupplement;limit=1',
  });
});
afterAll(() => drill?.dispose());

describe('a callback step retried after it opened its task', () => {
  it('keeps one task, one supplement wait and one offer per visit, each holding the live token, and an answer given to a first attempt reaches the workflow', async () => {
    const work = providerWork(drill.clients);
    const receipt = await work.submitYouth();
    // The case manager asks for a phone number; the citizen answers as soon as the status page asks.
    const caseworker = await drill.clients.signIn('caseworker.jongno');
    await work.untilStatus(receipt, 'awaiting-review');
    const first = await work.untilOpenTask(caseworker, receipt.applicationId);
    const asked = await work.decide(caseworker, first.taskId, { decision: 'request-info', supplement: { fields: ['applicant.phone'], message: '연락처를 확인해 주세요.' } });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    await eventually(async () => ((await work.citizenView(receipt))?.supplement ? true : undefined), 'the request on the status page');
    const answered = await drill.clients.http('POST', `/api/applications/${receipt.applicationId}/supplement`, { fields: { 'applicant.phone': '010-1111-2222' } }, { 'x-access-code': receipt.accessCode });
    expect(answered.status, JSON.stringify(answered.body)).toBe(202);
    await work.untilOpenTask(caseworker, receipt.applicationId, 'review', first.taskId);
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
    expect(failed).toEqual(['CaseManagerReview Dolbom.Retryable', 'AwaitSupplement Dolbom.Retryable', 'ProviderOffer Dolbom.Retryable']);

    // Two review tasks (before and after the supplement), each decided; the round answered, not lapsed;
    // one offer, accepted; each opened once in the audit trail.
    const { Items = [] } = await drill.clients.db.send(
      new QueryCommand({ TableName: 'dolbom-dev', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.application(receipt.applicationId).pk }, ConsistentRead: true }),
    );
    expect(Items.filter((i) => i.entity === 'Task').map((t) => [t.kind, t.state])).toEqual([['review', 'decided'], ['review', 'decided']]);
    expect(Items.filter((i) => i.entity === 'Supplement').map((r) => r.state)).toEqual(['answered']);
    expect(Items.find((i) => i.entity === 'Task' && i.taskId !== first.taskId)?.supplement).toEqual({ round: 1, outcome: 'answered' });
    expect(Items.filter((i) => i.entity === 'ProviderOffer').map((o) => [o.offerId, o.state])).toEqual([[offer.offerId, 'accepted']]);
    const actions = Items.filter((i) => i.entity === 'AuditEvent').map((i) => i.action as string);
    const count = (action: string) => actions.filter((a) => a === action).length;
    expect([count('task.opened'), count('review.decided')]).toEqual([2, 2]);
    for (const once of ['supplement.awaited', 'supplement.answered', 'provider.offered', 'provider.matched']) expect(count(once), once).toBe(1);
  });
});
