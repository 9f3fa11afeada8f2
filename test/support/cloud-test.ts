import { inject } from 'vitest';
import { clientsFor } from './clients';
import { cloudHelpers } from './cloud-helpers';

export { LIFECYCLE, executionArn, submission, type Receipt } from './cloud-helpers';

/** The shared local cloud of the integration run (see test/integration/global-setup.ts). */
export const cloud = inject('cloud');
export const local = clientsFor(cloud);

export const { submit, statusOf, untilStatus, untilTaskToken, untilExecutionStatus, answerTask, approveAndAccept, untilServiceWaits } = cloudHelpers(local);
