import { getProgrammeTerms } from '../../forms/terms';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { startLifecycle } from '../lifecycle/start-lifecycle';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { releaseWrites } from '../matching/places';
import { requestFor } from '../matching/request-for';
import { mayExtend } from '../service-period/plan';
import { continuityOf, type Continuity } from './counsellor-continuity';
import { servingCounsellor } from './serving-counsellor';

/**
 * StartNextPeriod: an extension is a new execution (`<id>-p<n>`), never a longer one — Standard
 * executions end after a year. Beyond the programme's caps the case closes instead (the decision
 * route refuses such an `extend` first; this is the workflow's own guard).
 *
 * The serving counsellor keeps the person where they still may and can: their place stays reserved
 * and the next execution starts at the service period. Otherwise the place is released (the waitlist
 * batch hears of it) and the next execution starts at matching.
 */
export const handler = workflowStep('StartNextPeriod', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  const nextPeriod = period + 1;
  if (!mayExtend(getProgrammeTerms(application.programme).plan, period)) {
    await refuse(applicationId, period);
    return { extended: false };
  }
  // A retry after the extension was recorded: start the next execution as that attempt decided
  // (a released counsellor is no longer on the application).
  const keep = application.status === 'extended' ? Boolean(application.counsellorId) : await extend(application, nextPeriod);
  await startLifecycle({ applicationId, period: nextPeriod, ...(keep ? {} : { resume: 'matching' as const }) });
  return { extended: true, nextPeriod, counsellor: keep ? 'kept' : 'released' };
});

async function refuse(applicationId: string, period: number): Promise<void> {
  const at = now().toISOString();
  // The status stays; `once` makes a retried step record the refusal a single time.
  await transition(applicationId, {
    from: ['reassessment'],
    to: 'reassessment',
    set: { extensionRefusedAt: at },
    once: 'extensionRefusedAt',
    audit: auditEvent({
      applicationId,
      at,
      actor: systemActor('StartNextPeriod'),
      action: 'extension.refused',
      visibleToApplicant: true,
      detail: { reason: 'programme-cap', period },
    }),
  });
}

/** Records the extension, keeping or releasing the counsellor's place; true when it is kept. */
async function extend(application: Application, nextPeriod: number): Promise<boolean> {
  const at = now().toISOString();
  const { id: applicationId, providerId: agencyId, counsellorId } = application;
  const continuity: Continuity =
    agencyId && counsellorId
      ? continuityOf(requestFor(application, at), await servingCounsellor(agencyId, counsellorId), at)
      : { keep: false, gaps: [] };
  const audit = (detail: Record<string, string>) =>
    auditEvent({
      applicationId,
      at,
      actor: systemActor('StartNextPeriod'),
      action: 'extension.approved',
      status: 'extended',
      visibleToApplicant: true,
      detail: { nextPeriod, agencyId: agencyId ?? null, counsellorId: counsellorId ?? null, ...detail },
    });
  if (continuity.keep) {
    await transition(applicationId, { from: ['reassessment'], to: 'extended', audit: audit({ counsellor: 'kept' }) });
    return true;
  }
  // Matching starts afresh: no reservation, no earlier proposal, waiting from now; whom the person
  // must never be offered again still holds.
  const { reservation: _released, proposedCounsellorId: _proposed, waitingSince: _waited, ...match } = application.match ?? { candidates: [], excludedCounsellorIds: [], rankedAt: at };
  await transition(applicationId, {
    from: ['reassessment'],
    to: 'extended',
    set: { match },
    remove: ['providerId', 'counsellorId'],
    // Codes only (the audit trail holds ids and codes): e.g. 'active' — the counsellor is no longer active.
    audit: audit({ counsellor: 'released', gaps: continuity.gaps.map((g) => g.code).join(',') }),
    with: agencyId && counsellorId ? releaseWrites({ agencyId, counsellorId }, applicationId, at) : [],
  });
  return false;
}
