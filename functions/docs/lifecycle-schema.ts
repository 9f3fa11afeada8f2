import { stages } from '../lifecycle/stages';

const text = { $ref: '#/components/schemas/Text' };

/** The lifecycle picture as GET /api/staff/applications/{applicationId}/lifecycle answers it (functions/lifecycle/lifecycle-picture.ts). */
export const lifecycleSchema = {
  type: 'object',
  required: ['applicationId', 'stages', 'current', 'partial', 'executions'],
  properties: {
    applicationId: { type: 'string' },
    stages: {
      type: 'array',
      description: 'Every stage, in lifecycle order',
      items: {
        type: 'object',
        required: ['stage', 'label', 'progress', 'notes'],
        properties: {
          stage: { enum: [...stages] },
          label: text,
          progress: { enum: ['done', 'current', 'upcoming', 'skipped'] },
          firstAt: { type: 'string', format: 'date-time', description: 'First entered' },
          lastAt: { type: 'string', format: 'date-time', description: 'Last entered' },
          notes: { type: 'array', items: text, description: 'Supplements, offers, the waiting list, the period; a failure or a stopped workflow' },
        },
      },
    },
    current: { enum: [...stages] },
    ended: { enum: ['closed', 'rejected', 'failed', 'stopped'] },
    partial: { type: 'boolean', description: 'A history too long to read whole in one request: stages before the current one may lack dates' },
    executions: {
      type: 'array',
      description: 'The Step Functions executions read, in the order they ran',
      items: {
        type: 'object',
        required: ['name', 'status'],
        properties: { name: { type: 'string' }, status: { type: 'string' }, startedAt: { type: 'string', format: 'date-time' }, stoppedAt: { type: 'string', format: 'date-time' } },
      },
    },
  },
};
