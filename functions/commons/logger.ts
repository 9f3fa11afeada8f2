/**
 * Structured JSON logs. Only ids, codes and counts go in: never names, phone numbers, answers or
 * resident registration numbers. `redact` is a last line of defence for values passed by mistake.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

// A number stands alone: never part of a longer run of letters and digits, such as a request id
// (8c0a4b2e-4010-4123-9123-… holds 010-4123-9123) or an application id.
const RRN_PATTERN = /(?<![0-9A-Za-z])\d{6}-?[1-8]\d{6}(?![0-9A-Za-z])/g;
const PHONE_PATTERN = /(?<![0-9A-Za-z])01[016789]-?\d{3,4}-?\d{4}(?![0-9A-Za-z])/g;

export function redact(text: string): string {
  return text.replace(RRN_PATTERN, '[rrn]').replace(PHONE_PATTERN, '[phone]');
}

function write(level: 'info' | 'warn' | 'error', message: string, fields: Fields): void {
  if (process.env.DOLBOM_LOG === 'silent') return;
  const line = redact(JSON.stringify({ level, message, ...fields, at: new Date().toISOString() }));
  (level === 'error' ? console.error : console.log)(line);
}

export const log = {
  info: (message: string, fields: Fields = {}) => write('info', message, fields),
  warn: (message: string, fields: Fields = {}) => write('warn', message, fields),
  error: (message: string, fields: Fields = {}) => write('error', message, fields),
};
