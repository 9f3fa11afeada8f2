import { seoulIsoDate } from '../../forms/dates';
import { now } from '../commons/clock';
import type { HttpEvent } from '../commons/http';
import { problem } from '../commons/problems';
import { requireDistrict, type StaffMember } from '../commons/staff';
import { auditEvent, type StaffActor } from '../applications/audit';
import { refusalProblems } from './refusals';
import { SupervisionChanged, getSupervision, moveSupervision } from './supervision-store';
import type { StepPlan, SupervisionRequest } from './supervision';
import type { SupervisionState } from './labels';

/** The request a route names, for a staff member who serves its district; 404 for an unknown id. */
export async function openSupervision(event: HttpEvent, staff: StaffMember): Promise<SupervisionRequest> {
  const request = await getSupervision(event.pathParameters?.requestId ?? '');
  if (!request) throw problem.notFound({ ko: '슈퍼비전 요청', en: 'Supervision request' });
  requireDistrict(staff, request.district);
  return request;
}

export interface SupervisionStep {
  /** The state the step leaves. */
  from: SupervisionState;
  plan: (request: SupervisionRequest, today: string) => StepPlan;
  next: (request: SupervisionRequest, at: string) => SupervisionRequest;
  action: string;
  detail: (next: SupervisionRequest) => Record<string, string | number | null>;
}

/** A lost race is read again once: the second plan then finds the step standing or refuses it. */
const ATTEMPTS = 2;

/**
 * Takes one step (accept, advise) on the request as stored, with its audit event. Plans on what it
 * read and writes only if the request is still in that state; when another write got there first,
 * reads again and plans again — the winner's retry finds its step standing, anyone else is refused.
 */
export async function advanceSupervision(request: SupervisionRequest, step: SupervisionStep, by: StaffActor): Promise<SupervisionRequest> {
  let current = request;
  for (let attempt = 1; ; attempt++) {
    const at = now();
    const plan = step.plan(current, seoulIsoDate(at));
    if (plan.kind === 'refused') throw refusalProblems[plan.why]();
    if (plan.kind === 'standing') return current;
    const next = step.next(current, at.toISOString());
    try {
      await moveSupervision(next, step.from, auditEvent({ applicationId: next.applicationId, at: at.toISOString(), actor: by, action: step.action, detail: { requestId: next.requestId, ...step.detail(next) } }));
      return next;
    } catch (error) {
      if (!(error instanceof SupervisionChanged) || attempt >= ATTEMPTS) throw error;
      const again = await getSupervision(current.requestId);
      if (!again) throw error;
      current = again;
    }
  }
}
