import { getProgramme } from '../../forms';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { requireApplication } from '../applications/store';
import { stepInput } from '../lifecycle/step-input';
import { nextCheckAt, plannedSessions } from './plan';
import { countAttendedSessions } from './session-store';

/** CheckServicePeriod: over when the plan's sessions are held or the period has ended. */
export const handler = workflowStep('CheckServicePeriod', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  const endsAt = new Date(application.servicePeriod!.endsAt);
  const sessionsPlanned = plannedSessions(getProgramme(application.programme).plan);
  const sessionsHeld = await countAttendedSessions(applicationId, period);
  const current = now().getTime();
  return {
    done: current >= endsAt.getTime() || sessionsHeld >= sessionsPlanned,
    sessionsHeld,
    sessionsPlanned,
    periodEndsAt: endsAt.toISOString(),
    nextCheckAt: nextCheckAt(current, endsAt).toISOString(),
  };
});
