import { currentCorrelationId, redact, writeLine } from './logger';

/**
 * Business metrics as CloudWatch Embedded Metric Format: one JSON line on stdout that CloudWatch Logs
 * turns into a metric, with no API call and no dependency (a line costs nothing on the request path).
 * The alarms and the dashboard (infra/constructs/observability.ts) read them by these names.
 */
export const METRICS_NAMESPACE = 'Dolbom';

export const businessMetrics = {
  /** A citizen's application stored (not a replayed Idempotency-Key). */
  submitted: 'ApplicationsSubmitted',
  /** A human task nobody acted on in time, expired and flagged for a supervisor. */
  escalated: 'TasksEscalated',
  /** An application put on a programme's waiting list. */
  waitlisted: 'ApplicationsWaitlisted',
  /** An application whose workflow failed beyond its retries (marked failed for staff). */
  failed: 'ApplicationsFailed',
  /** A screening result at high risk, which opens an urgent task. */
  highRisk: 'HighRiskScreenings',
  /** Open tasks past their due date, every district (the scheduled report-overdue-tasks). */
  tasksPastSla: 'TasksPastSla',
} as const;

export type BusinessMetric = (typeof businessMetrics)[keyof typeof businessMetrics];

/** The stage every metric is dimensioned by, so one account's environments never mix. */
const stage = () => process.env.DOLBOM_STAGE ?? 'local';

/**
 * The EMF line for `value` of `metric`. Properties go in the line for Logs Insights but are not
 * dimensions (a programme or district dimension would multiply the metrics for no alarm that needs it).
 */
export function metricLine(metric: BusinessMetric, value: number, properties: Record<string, string | number> = {}, at = new Date()): Record<string, unknown> {
  const correlationId = currentCorrelationId();
  return {
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [['Stage']], Metrics: [{ Name: metric, Unit: 'Count' }] }],
    },
    Stage: stage(),
    [metric]: value,
    ...Object.fromEntries(Object.entries(properties).map(([key, v]) => [key, typeof v === 'string' ? redact(v) : v])),
    ...(correlationId ? { correlationId } : {}),
  };
}

/**
 * Counts one occurrence (or `value`) of a business event where it happens.
 *
 * @example
 * countMetric(businessMetrics.submitted, 1, { programme: 'youth' });
 */
export function countMetric(metric: BusinessMetric, value = 1, properties: Record<string, string | number> = {}): void {
  writeLine(metricLine(metric, value, properties), 'out', 'already');
}
