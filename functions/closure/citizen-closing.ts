import type { Text } from '../../forms/i18n';
import type { Application } from '../applications/application';
import { earlyReasonLabels } from './closing-labels';
import { citizenClosure } from './closure-record';

const pending: Text = {
  ko: '서비스 중단 요청이 접수되어 종결 처리 중입니다.',
  en: 'Your request to stop the service was received; the case is being closed.',
};

/**
 * What the status page shows of an ending case, in plain words: a closing request being handled, or
 * the closure and why. Never a reason code, never a case manager's note; the person's own words
 * (a withdrawal's note) come back to them.
 */
export function closingView(application: Pick<Application, 'status' | 'closingRequest' | 'closure'>) {
  if (application.status === 'closed' && application.closure) return { closure: citizenClosure(application.closure, application.closingRequest) };
  const request = application.closingRequest;
  if (!request || application.status === 'closed') return {};
  return { closing: { requestedAt: request.at, status: pending, reason: earlyReasonLabels[request.reason] } };
}
