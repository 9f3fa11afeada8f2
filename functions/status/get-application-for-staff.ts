import { statusLabels } from '../applications/application';
import { httpHandler } from '../commons/http';
import { taskView } from '../review/task';
import { tasksOfApplication } from '../review/task-store';
import { openForStaff } from './staff-access';

/** GET /api/staff/applications/{applicationId} — the case file: answers, explanation, tasks. */
export const handler = httpHandler(async (event) => {
  const { accessCodeHash: _secret, rrn, ...application } = await openForStaff(event, 'application.viewed-by-staff');
  return {
    status: 200,
    body: {
      ...application,
      statusLabel: statusLabels[application.status],
      rrn: rrn ? { masked: rrn.masked } : undefined,
      tasks: (await tasksOfApplication(application.id)).map(taskView),
    },
  };
});
