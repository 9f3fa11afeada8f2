/**
 * Structured JSON logs. Only ids, codes and counts go in: never names, phone numbers, answers or
 * resident registration numbers. `redact` is a last line of defence for values passed by mistake.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

const RRN_PATTERN = /\d{6}-?[1-8]\d{6}/g;
const PHONE_PATTERN = /01[016789]-?\d{3,4}-?\d{4}/g;

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
