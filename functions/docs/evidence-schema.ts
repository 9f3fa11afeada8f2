/**
 * The answer of GET /api/staff/applications/{applicationId}/evidence (functions/reassessment/evidence.ts),
 * for the OpenAPI document. Written by hand: the evidence is computed, not parsed, so no zod schema holds it.
 */
const text = { $ref: '#/components/schemas/Text' };
const count = { type: 'integer', minimum: 0 };

const attendance = {
  type: 'object',
  required: ['period', 'planned', 'held', 'noShow', 'cancelledByApplicant', 'cancelledByProvider', 'rescheduled', 'notRecorded', 'rate'],
  properties: {
    period: { type: 'integer', minimum: 1 },
    planned: count,
    held: count,
    noShow: count,
    cancelledByApplicant: count,
    cancelledByProvider: count,
    rescheduled: count,
    notRecorded: count,
    rate: { type: ['number', 'null'], minimum: 0, maximum: 1, description: 'held ÷ (held + no-show + cancelled by the applicant); null while none of those' },
  },
};

const score = {
  type: 'object',
  required: ['instrument', 'total', 'band', 'label'],
  properties: { instrument: { enum: ['phq9', 'gad7'] }, total: count, band: { type: 'string' }, label: text },
};

const testResult = {
  type: 'object',
  required: ['sessionId', 'on', 'phq9', 'gad7'],
  properties: { sessionId: { type: 'string' }, on: { type: 'string', format: 'date' }, phq9: score, gad7: score },
};

export const evidenceSchema = {
  type: 'object',
  required: ['applicationId', 'plan', 'attendance', 'sessions', 'earlierPeriods', 'tests', 'extension'],
  properties: {
    applicationId: { type: 'string' },
    plan: {
      type: 'object',
      required: ['programme', 'programmeName', 'cadence', 'period', 'maxPeriods', 'periodMonths', 'maxMonths', 'maxReassessments', 'sessionsPlanned'],
      properties: {
        programme: { type: 'string' },
        programmeName: text,
        cadence: text,
        period: { type: 'integer', minimum: 1 },
        maxPeriods: { type: 'integer', minimum: 1 },
        periodMonths: count,
        maxMonths: count,
        maxReassessments: count,
        startsAt: { type: 'string', format: 'date-time' },
        endsAt: { type: 'string', format: 'date-time' },
        endedAt: { type: 'string', format: 'date-time' },
        sessionsPlanned: count,
      },
    },
    attendance,
    sessions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sessionId', 'number', 'kind', 'plannedOn', 'screened', 'corrections'],
        properties: {
          sessionId: { type: 'string' },
          number: { type: 'integer', minimum: 1 },
          kind: { enum: ['pre-test', 'counselling', 'closing'] },
          plannedOn: { type: 'string', format: 'date' },
          outcome: { enum: ['held', 'no-show', 'cancelled', 'rescheduled'] },
          on: { type: 'string', format: 'date' },
          durationMinutes: count,
          cancelledBy: { enum: ['applicant', 'provider'] },
          rescheduledTo: { type: 'string', format: 'date' },
          screened: { type: 'boolean' },
          corrections: count,
        },
      },
    },
    earlierPeriods: { type: 'array', items: attendance },
    tests: {
      type: 'object',
      required: ['changes', 'missing'],
      properties: {
        pre: testResult,
        post: testResult,
        changes: {
          type: 'array',
          items: {
            type: 'object',
            required: ['instrument', 'pre', 'post', 'totalChange', 'bandChange', 'direction', 'directionLabel', 'summary'],
            properties: {
              instrument: { enum: ['phq9', 'gad7'] },
              pre: score,
              post: score,
              totalChange: { type: 'integer' },
              bandChange: { type: 'integer' },
              direction: { enum: ['improved', 'unchanged', 'worsened'] },
              directionLabel: text,
              summary: { ...text, description: '"PHQ-9 18 → 9, 중등도-고도 → 경도, 개선"' },
            },
          },
        },
        missing: { type: 'array', items: text },
      },
    },
    extension: {
      type: 'object',
      required: ['allowed', 'nextPeriod', 'monthsAfter'],
      properties: {
        allowed: { type: 'boolean' },
        nextPeriod: { type: 'integer', minimum: 2 },
        monthsAfter: count,
        reason: { ...text, description: 'Why not, when the programme caps refuse another period' },
      },
    },
  },
};
