import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor, taskToken } from '../lifecycle/step-input';
import { capacitySignalPut } from './places';
import { requestFor } from './request-for';
import { waitlistEntryWrite, type WaitlistEntry } from './waitlist-store';
import { stopIfClosing } from '../closure/stop-if-closing';
import { businessMetrics, countMetric } from '../commons/metrics';

const input = z.extend(stepInput, { taskToken });

/**
 * WaitForPlace: the application waits on the list with its task token; the waitlist batch answers it
 * when a place is found (functions/matching/fill-waitlist.ts). Joining also signals the batch, so a
 * place that freed between ranking and joining is not missed. Re-joining after the recheck timeout
 * keeps the place in line (`waitingSince`) and writes no second audit event.
 */
export const handler = workflowStep('JoinWaitlist', input, async ({ applicationId, taskToken }) => {
  const application = await requireApplication(applicationId);
  const at = now().toISOString();
  const request = requestFor(application, at);
  const held = application.match?.reservation;
  const entry: WaitlistEntry = {
    applicationId,
    programme: application.programme,
    request,
    taskToken,
    joinedAt: at,
    waitingSince: request.waitingSince,
    ...(held ? { assignedAgencyId: held.agencyId, assignedCounsellorId: held.counsellorId } : {}),
  };
  const writes = [waitlistEntryWrite(entry), capacitySignalPut({ applicationId }, at)];
  if (application.status === 'waitlisted') {
    await dynamo().send(new TransactWriteCommand({ TransactItems: writes }));
    await stopIfClosing(applicationId);
    return { waiting: true };
  }
  await transition(applicationId, {
    from: ['matching'],
    to: 'waitlisted',
    set: { match: { candidates: [], excludedCounsellorIds: [], rankedAt: at, ...application.match, waitingSince: request.waitingSince } },
    audit: auditEvent({
      applicationId,
      at,
      actor: systemActor('JoinWaitlist'),
      action: 'provider.waitlisted',
      status: 'waitlisted',
      visibleToApplicant: true,
      detail: { rank: request.rank },
    }),
    with: writes,
  });
  // Counted once, on joining: a wait resumed after a lost wake-up is the same place in line.
  countMetric(businessMetrics.waitlisted, 1, { programme: application.programme });
  await stopIfClosing(applicationId);
  return { waiting: true };
});
