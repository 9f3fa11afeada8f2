import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { getProgramme, submissionSchemaOn } from '../../forms';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { log } from '../commons/logger';
import { businessMetrics, countMetric } from '../commons/metrics';
import type { Application } from '../applications/application';
import { applicantNamePut } from '../applications/applicant-name';
import { auditEvent } from '../applications/audit';
import { hashAccessCode, newAccessCode, newApplicationId, newReceiptNumber } from '../applications/identifiers';
import { newApplicationWrites } from '../applications/store';
import { startLifecycle } from '../lifecycle/start-lifecycle';
import { actingSubmitterReachable } from '../notifications/recipients';
import { notificationPut } from '../notifications/outbox';
import { maskRrn } from '../privacy/rrn';
import { accessCodeKey } from '../privacy/access-code-key';
import { seal } from '../privacy/envelope';
import { bodyFingerprint } from './canonical-json';
import {
  findStoredAnswer,
  idempotencyKeySchema,
  idempotencyWrite,
  invalidIdempotencyKey,
  keyReusedWithOtherBody,
  openStoredAnswer,
} from './idempotency';

export interface Receipt {
  applicationId: string;
  receiptNumber: string;
  accessCode: string;
}

export interface SubmitRequest {
  body: unknown;
  idempotencyKey?: string;
  sourceIp?: string;
}

async function replay(key: string, fingerprint: string): Promise<Receipt | undefined> {
  const stored = await findStoredAnswer(key);
  if (!stored) return undefined;
  if (stored.fingerprint !== fingerprint) throw keyReusedWithOtherBody();
  return openStoredAnswer<Receipt>(key, stored);
}

async function newApplication(body: unknown, at: Date): Promise<{ application: Application; accessCode: string }> {
  const submission = submissionSchemaOn(at).parse(body);
  const programme = getProgramme(submission.programme);
  const id = newApplicationId();
  const { rrn, ...answers } = submission.answers as Record<string, unknown> & { rrn?: string };
  const accessCode = newAccessCode();
  const consent = (answers as { consent: { general: { version: string }; sensitive: { version: string } } }).consent;
  const application: Application = {
    id,
    receiptNumber: newReceiptNumber(at),
    programme: programme.id,
    programmeVersion: programme.version,
    district: (answers.applicant as { district: string }).district,
    status: 'submitted',
    period: 1,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    answers,
    consents: {
      general: { version: consent.general.version, agreedAt: at.toISOString() },
      sensitive: { version: consent.sensitive.version, agreedAt: at.toISOString() },
    },
    accessCodeHash: hashAccessCode(await accessCodeKey(), id, accessCode),
    ...(rrn ? { rrn: { sealed: await seal(rrn, { applicationId: id, field: 'rrn' }), masked: maskRrn(rrn) } } : {}),
  };
  return { application, accessCode };
}

/**
 * Stores a new application and starts its lifecycle. Storing is what counts: the table's stream
 * starts every stored application (functions/lifecycle/start-stored-application.ts), so one whose
 * start fails here, or whose process dies right after the commit, is started all the same. With an
 * Idempotency-Key, concurrent and repeated requests race on one conditional write: exactly one
 * creates the application, the others replay its answer.
 */
export async function submitApplication(request: SubmitRequest): Promise<Receipt> {
  const keyCheck = idempotencyKeySchema.safeParse(request.idempotencyKey);
  if (!keyCheck.success) throw invalidIdempotencyKey();
  const key = keyCheck.data;
  const fingerprint = bodyFingerprint(request.body);

  if (key) {
    const earlier = await replay(key, fingerprint);
    if (earlier) return earlier;
  }

  const at = now();
  const { application, accessCode } = await newApplication(request.body, at);
  const receipt: Receipt = { applicationId: application.id, receiptNumber: application.receiptNumber, accessCode };
  const audit = auditEvent({
    applicationId: application.id,
    at: application.createdAt,
    actor: { kind: 'citizen', sourceIp: request.sourceIp },
    action: 'application.submitted',
    status: 'submitted',
    visibleToApplicant: true,
    detail: { programme: application.programme, programmeVersion: application.programmeVersion },
  });
  const writes = newApplicationWrites(application, audit);
  // Findable by the applicant's full name from the start (applicant-name.ts: a keyed hash, no name).
  writes.push(...(await applicantNamePut(application)));
  // The applicant hears that it arrived, queued with the application itself: stored means told.
  writes.push(notificationPut({ applicationId: application.id, key: 'received', template: 'application-received', createdAt: application.createdAt }));
  // Someone acting for the person hears too, under a key of their own: each recipient once.
  if (actingSubmitterReachable(application.answers)) {
    writes.push(notificationPut({ applicationId: application.id, key: 'received-submitter', template: 'application-received', audience: 'submitter', createdAt: application.createdAt }));
  }
  if (key) writes.push(await idempotencyWrite(key, fingerprint, application.id, receipt));

  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: writes }));
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!key || !reasons) throw error;
    // Another request with this key won (or is committing right now): answer as it did.
    for (let attempt = 0; attempt < 20; attempt++) {
      const earlier = await replay(key, fingerprint);
      if (earlier) return earlier;
      await new Promise((resolve) => setTimeout(resolve, 25 * (attempt + 1)));
    }
    throw error;
  }

  countMetric(businessMetrics.submitted, 1, { programme: application.programme });

  // Started here so review begins at once; if this fails or the process dies first, the table
  // stream's trigger starts it (same execution name), so the citizen's answer is 202 either way.
  await startLifecycle({ applicationId: application.id, period: 1 }).catch((error: unknown) => {
    log.warn('lifecycle left to the table stream', { applicationId: application.id, error: (error as Error).name });
  });
  return receipt;
}
