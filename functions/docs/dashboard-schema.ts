/** The dashboard's answer (functions/dashboard/figures.ts `dashboardFigures`), for the OpenAPI document. */
import { applicationStatuses } from '../applications/application';
import { taskKinds } from '../dashboard/figures';
import { programmeIds } from '../providers/registry';
import { sessionOutcomes } from '../service-period/session';

const count = { type: 'integer', minimum: 0 };
const programme = { enum: [...programmeIds] };
const byProgramme = { type: 'object', properties: Object.fromEntries(programmeIds.map((p) => [p, count])), required: [...programmeIds] };
const month = { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: "'YYYY-MM', Seoul time" };
const list = (properties: Record<string, unknown>) => ({
  type: 'array',
  items: { type: 'object', properties, required: Object.keys(properties) },
});

export const dashboardSchema = {
  type: 'object',
  required: ['at', 'month', 'districts', 'applications', 'overdue', 'waitlist', 'sessions'],
  properties: {
    at: { type: 'string', format: 'date-time', description: 'When the figures were read (the local cloud’s clock)' },
    month: { ...month, description: 'This month, Seoul time' },
    districts: { type: 'array', items: { type: 'string' }, description: '시군구 codes the figures cover' },
    applications: {
      type: 'object',
      required: ['total', 'byStatus', 'byProgramme'],
      properties: {
        total: count,
        byStatus: list({ status: { enum: [...applicationStatuses] }, total: count, byProgramme }),
        byProgramme: list({ programme, total: count }),
      },
    },
    overdue: {
      type: 'object',
      description: 'Open tasks past the due date their case is measured against (SLA breaches)',
      required: ['total', 'byKind', 'byProgramme'],
      properties: { total: count, byKind: list({ kind: { enum: [...taskKinds] }, count }), byProgramme: list({ programme, count }) },
    },
    waitlist: {
      type: 'object',
      required: ['total', 'byProgramme'],
      properties: { total: count, byProgramme: list({ programme, waiting: count, longestWaitDays: { type: ['integer', 'null'], minimum: 0 } }) },
    },
    sessions: {
      type: 'object',
      description: 'Sessions recorded by the agencies, by the Seoul month of the day they were held (or missed, cancelled, moved)',
      required: ['month', 'recorded', 'byOutcome', 'heldByMonth'],
      properties: {
        month,
        recorded: count,
        byOutcome: list({ outcome: { enum: [...sessionOutcomes] }, count }),
        heldByMonth: list({ month, held: count }),
      },
    },
  },
};
