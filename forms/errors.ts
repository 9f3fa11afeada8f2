import type * as z from 'zod/mini';
import type { Text } from './i18n';
import { lookupMessage } from './messages';

export interface FieldError {
  /** Dot path of the answer to fix, e.g. 'answers.applicant.birthDate'; '' for the whole body. */
  field: string;
  /** A stable code: the schema's own ('guardian-required', 'date-format', …) or zod's, kebab-cased. */
  code: string;
  message: Text;
}

/** Turns a ZodError (classic or mini: both are `$ZodError`) into bilingual field errors a person can act on. */
export function fieldErrors(error: z.core.$ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const field = issue.path.map(String).join('.');
    // One error per field that should not be there, each at its own path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: field ? `${field}.${key}` : key, code: 'unrecognized-key', message: notAsked }));
    }
    const known = lookupMessage(issue.message);
    if (known) return { field, code: known.code, message: known.text };
    return { field, code: issue.code.replaceAll('_', '-'), message: genericMessage(issue) };
  });
}

const notAsked: Text = {
  ko: '여기에서 받지 않는 항목입니다. 빼고 다시 보내 주세요',
  en: 'This field is not asked for here: leave it out and send again',
};

/** For issues the schemas did not word themselves (e.g. a body that is not an object at all). */
function genericMessage(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case 'invalid_type':
      return {
        ko: `값이 없거나 형식이 맞지 않습니다(${issue.expected} 필요)`,
        en: `Missing or wrong type of value (expected ${issue.expected})`,
      };
    case 'too_small':
      return { ko: `값이 너무 작거나 짧습니다(최소 ${String(issue.minimum)})`, en: `Too small or short (minimum ${String(issue.minimum)})` };
    case 'too_big':
      return { ko: `값이 너무 크거나 깁니다(최대 ${String(issue.maximum)})`, en: `Too large or long (maximum ${String(issue.maximum)})` };
    case 'invalid_format':
      return { ko: '형식이 올바르지 않습니다', en: 'The format is not valid' };
    case 'invalid_value':
      return { ko: '허용되지 않는 값입니다', en: 'This value is not allowed' };
    default:
      return { ko: '입력값을 확인해 주세요', en: 'Please check this value' };
  }
}
