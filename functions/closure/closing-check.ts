import { problem } from '../commons/problems';
import type { HumanTask } from '../review/task';
import { sessionsOf } from '../service-period/session-store';
import type { ClosingSessionMissing } from './closing-labels';
import { closingSessionOf } from './closure-record';

/**
 * A re-assessment closes the case: its closing session and post-test are recorded, or the case
 * manager says why they could not be (a code and their words, kept on the answer and carried into
 * the closure record). 400 on `closingSessionMissing` otherwise.
 */
export async function requireClosingReason(task: HumanTask, body: { decision: string; closingSessionMissing?: ClosingSessionMissing }): Promise<void> {
  if (task.kind !== 'reassessment' || body.decision !== 'close' || body.closingSessionMissing) return;
  const closing = closingSessionOf(await sessionsOf(task.applicationId, task.period), task.period);
  if (closing.held && closing.postTest) return;
  throw problem.invalidInput([
    {
      field: 'closingSessionMissing',
      code: 'closing-session-missing',
      message: closing.held
        ? {
            ko: '종결 회기의 사후 검사가 기록되지 않았습니다. 검사를 하지 못한 사유를 골라 메모와 함께 보내 주세요',
            en: 'The closing session has no post-test recorded. Choose why it could not be done and say so in a note',
          }
        : {
            ko: '종결 회기와 사후 검사가 기록되지 않았습니다. 하지 못한 사유를 골라 메모와 함께 보내 주세요',
            en: 'The closing session and post-test are not recorded. Choose why they could not be and say so in a note',
          },
    },
  ]);
}
