import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Structured JSON logs, one line each, with the correlation id of the request or workflow they serve.
 * Only ids, codes and counts go in: never names, phone numbers, answers or resident registration
 * numbers. `redact` and the field names below are a last line of defence for values passed by mistake.
 *
 * Why the project's own logger and not `@aws-lambda-powertools/logger`: what Dolbom needs of a logger
 * is these 80 lines — JSON lines, a correlation id carried by AsyncLocalStorage (the local cloud runs
 * every handler in one process, concurrently, so a module-level "current request" would mix them up),
 * and redaction of every line, which Powertools would need a custom LogFormatter for. Powertools'
 * extras (sampling, Lambda context keys, log buffering) would not be used, and its absence keeps the
 * bundles and the dependency list as they are.
 */
export type Fields = Record<string, string | number | boolean | null | undefined>;

// A number stands alone: never part of a longer run of letters and digits, such as a request id
// (8c0a4b2e-4010-4123-9123-… holds 010-4123-9123) or an application id.
const RRN_PATTERN = /(?<![0-9A-Za-z])\d{6}-?[1-8]\d{6}(?![0-9A-Za-z])/g;
const PHONE_PATTERN = /(?<![0-9A-Za-z])01[016789]-?\d{3,4}-?\d{4}(?![0-9A-Za-z])/g;
// Staff addresses are personal data too; service addresses never need to be logged.
const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Field names that only ever hold a person's data: their value is dropped whatever it looks like. */
const PERSONAL_FIELDS = new Set(['name', 'fullName', 'applicantName', 'phone', 'email', 'rrn', 'address', 'birthDate', 'answers', 'note', 'accessCode']);

export function redact(text: string): string {
  return text.replace(RRN_PATTERN, '[rrn]').replace(PHONE_PATTERN, '[phone]').replace(EMAIL_PATTERN, '[email]');
}

interface LogContext {
  correlationId: string;
}

const context = new AsyncLocalStorage<LogContext>();

/**
 * Runs `work` with `correlationId` on every log line and metric it writes, and on every workflow it
 * starts (functions/lifecycle/start-lifecycle.ts reads it back with `currentCorrelationId`).
 */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return context.run({ correlationId }, work);
}

export function currentCorrelationId(): string | undefined {
  return context.getStore()?.correlationId;
}

/** What an incoming `x-correlation-id` may be: an id, never free text (a name, a phone number). */
const CORRELATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * The correlation id of an API request: the caller's `x-correlation-id` when it is a plain id that
 * redaction leaves alone, else API Gateway's request id.
 */
export function correlationIdOf(headers: Record<string, string | undefined> | undefined, requestId: string): string {
  const given = headers?.['x-correlation-id']?.trim();
  return given && CORRELATION_ID_PATTERN.test(given) && redact(given) === given ? given : requestId;
}

/** A log line as an object: level, message, the correlation id, the fields (personal ones dropped). */
export function logLine(level: 'info' | 'warn' | 'error', message: string, fields: Fields): Record<string, unknown> {
  const kept: Fields = {};
  for (const [key, value] of Object.entries(fields)) kept[key] = PERSONAL_FIELDS.has(key) ? '[redacted]' : value;
  const correlationId = currentCorrelationId();
  return { level, message, ...(correlationId ? { correlationId } : {}), ...kept, at: new Date().toISOString() };
}

/**
 * Writes one already-built JSON line, redacted, unless logs are silenced. `redacted: 'already'` is for
 * an EMF metric line, whose values were redacted one by one: its 13-digit millisecond timestamp reads
 * like a resident registration number to `redact`, and CloudWatch drops a line whose timestamp is not a number.
 */
export function writeLine(line: Record<string, unknown>, stream: 'out' | 'err' = 'out', redacted?: 'already'): void {
  if (process.env.DOLBOM_LOG === 'silent') return;
  const json = JSON.stringify(line);
  const text = redacted === 'already' ? json : redact(json);
  (stream === 'err' ? console.error : console.log)(text);
}

export const log = {
  info: (message: string, fields: Fields = {}) => writeLine(logLine('info', message, fields)),
  warn: (message: string, fields: Fields = {}) => writeLine(logLine('warn', message, fields)),
  error: (message: string, fields: Fields = {}) => writeLine(logLine('error', message, fields), 'err'),
};

/**
 * Gives a handler that no API request or workflow calls (a table stream's trigger, a schedule) its
 * own correlation id: the invocation's request id.
 *
 * @example
 * export const handler = correlated(async (event: DynamoDBStreamEvent) => { … });
 */
export function correlated<E, R, C extends { awsRequestId: string } = { awsRequestId: string }>(handler: (event: E, context?: C) => Promise<R>) {
  return (event: E, context?: C): Promise<R> =>
    withCorrelationId(context?.awsRequestId ?? randomUUID(), () => handler(event, context));
}
