import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { HttpProblem, problem } from '../commons/problems';
import { cancellationReasons } from '../commons/dynamo-errors';
import { auditEvent, type StaffActor } from '../applications/audit';
import { auditPut, getApplication } from '../applications/store';
import { sendAnswer } from '../applications/renewed-token';
import { requireClosingReason } from '../closure/closing-check';
import { liveCandidates } from '../matching/candidates-preview';
import { extensionRefused } from '../reassessment/extension-refusal';
import { checkSupplementRequest } from '../supplements/check-request';
import { notACandidate, type DecisionBody } from './decision-body';
import { taskClosed } from './staff-task';
import { decisionsByKind, type HumanTask, type TaskAnswer } from './task';
import { closeTaskWrite, getTask, recordAnswer } from './task-store';

const overriddenIneligible = () =>
  new HttpProblem(409, 'eligibility-overridden-ineligible', {
    ko: '감독자가 이 신청의 자격을 "해당 없음"으로 변경했습니다. 승인하려면 감독자가 자격 변경을 다시 해야 합니다.',
    en: 'A supervisor changed this application\'s eligibility to not eligible. To approve it, a supervisor must override the eligibility again.',
  });

const answeredDifferently = () =>
  new HttpProblem(409, 'task-answered-differently', {
    ko: '이 업무에는 이미 다른 결정을 저장했습니다. 업무를 새로 고쳐 확인해 주세요.',
    en: 'You already saved a different decision on this task. Refresh the task to see it.',
  });

/**
 * A case manager's decision on a task they may act on (the caller checked the district: review/
 * staff-task.ts), as one definition for the decision route and the bulk decisions
 * (functions/bulk-decisions/), so each case gets the same checks, the same answer and the same audit.
 *
 * The decision is first written on the task — who, what, why, when — in a conditional write, so of
 * two people deciding at once one wins; then the task token is answered with the decision and the
 * answer's id, by which RecordDecision knows it came from here. The same person sending the same
 * decision again (a retry, also after the caller died between the write and the token) gets the same
 * answer; anything else on a decided task is a 409. Refusals are HttpProblems (4xx) with the reason in
 * Korean and English.
 *
 * An approval may name the counsellor to offer the place to first (one of the live candidates, as
 * GET …/candidates shows them). It is kept on the stored answer only — the token's output carries
 * the decision and the answer id, never a counsellor — and RecordDecision proposes it from there.
 */
export async function decideTask(task: HumanTask, body: DecisionBody, by: StaffActor): Promise<{ taskId: string; decision: string }> {
  const allowed: readonly string[] = decisionsByKind[task.kind];
  if (!allowed.includes(body.decision)) {
    throw problem.invalidInput([
      {
        field: 'decision',
        code: 'choice',
        message: { ko: `결정은 ${allowed.join(', ')} 중 하나여야 합니다`, en: `The decision must be one of ${allowed.join(', ')}` },
      },
    ]);
  }
  if (body.supplement) await checkSupplementRequest(task.programme, body.supplement);
  // Checked while the choice can still be stored; a retry of a stored answer is not checked again.
  const refused = body.decision === 'extend' && task.state === 'open' && !task.answer ? extensionRefused(task) : undefined;
  if (refused) throw refused;
  if (body.counsellorId && task.state === 'open' && !task.answer) await requireCandidate(task.applicationId, body.counsellorId);
  if (task.state === 'open' && !task.answer) await requireClosingReason(task, body);
  if (body.decision === 'approve' && task.kind === 'review' && task.state === 'open' && !task.answer) await requireNotOverriddenIneligible(task.applicationId);
  const mine: TaskAnswer = {
    id: randomUUID(),
    decision: body.decision,
    via: 'console',
    by,
    note: body.note,
    ...(body.counsellorId ? { counsellorId: body.counsellorId } : {}),
    ...(body.closingSessionMissing ? { closingSessionMissing: body.closingSessionMissing } : {}),
    ...(body.supplement ? { supplement: body.supplement } : {}),
    ...(body.rejection ? { rejection: { code: body.rejection.reason, ...(body.rejection.toCitizen ? { toCitizen: body.rejection.toCitizen } : {}) } } : {}),
    at: now().toISOString(),
  };
  if (!task.taskToken) {
    await acknowledge(task, mine);
    return { taskId: task.taskId, decision: mine.decision };
  }
  const answer = await standingAnswer(task, mine);
  if ((await sendAnswer(task.taskToken, answer)) === 'spent') {
    // Spent by an earlier attempt of this answer (recorded, or about to be), or closed another way.
    const current = await getTask(task.applicationId, task.taskId);
    if (current?.state === 'expired' || current?.answer?.id !== answer.id) throw taskClosed();
    // Or renewed: the workflow tried the step again and now waits on the task with another token.
    if (current?.state === 'open' && current.taskToken && current.taskToken !== task.taskToken) await sendAnswer(current.taskToken, answer);
  }
  return { taskId: task.taskId, decision: answer.decision };
}


/** The task's answer if it is `mine`, or the same person's identical earlier one; 409 otherwise. */
async function standingAnswer(task: HumanTask, mine: TaskAnswer): Promise<TaskAnswer> {
  let answer = task.answer;
  if (!answer && task.state === 'open') {
    answer = (await recordAnswer(task, mine)) ? mine : (await getTask(task.applicationId, task.taskId))?.answer;
  }
  if (!answer || answer.via !== 'console' || answer.by?.userId !== mine.by?.userId) throw taskClosed();
  if (
    answer.decision !== mine.decision ||
    (answer.note ?? '') !== (mine.note ?? '') ||
    answer.counsellorId !== mine.counsellorId ||
    answer.rejection?.code !== mine.rejection?.code ||
    (answer.rejection?.toCitizen ?? '') !== (mine.rejection?.toCitizen ?? '') ||
    !sameSupplement(answer, mine)
  ) {
    throw answeredDifferently();
  }
  return answer;
}

function sameSupplement(a: TaskAnswer, b: TaskAnswer): boolean {
  return JSON.stringify(a.supplement ?? null) === JSON.stringify(b.supplement ?? null);
}

/**
 * 409 when a supervisor has overridden the application's eligibility to ineligible: their outcome
 * binds the approval (the case manager may still reject — pre-filled — or ask for more information).
 */
async function requireNotOverriddenIneligible(applicationId: string): Promise<void> {
  const application = await getApplication(applicationId, false);
  if (application?.eligibilityOverride?.outcome === 'ineligible') throw overriddenIneligible();
}

/** 400 on `counsellorId` unless the counsellor is one of the application's live candidates. */
async function requireCandidate(applicationId: string, counsellorId: string): Promise<void> {
  const application = await getApplication(applicationId, false);
  const candidates = application ? await liveCandidates(application, now().toISOString()) : [];
  const problemWith = notACandidate(counsellorId, candidates);
  if (problemWith) throw problem.invalidInput([problemWith]);
}

/** What the note must say, per kind of task that stops no workflow. */
const noteNeeded = {
  risk: { ko: '어떤 조치를 했는지 메모에 적어 주세요 (연락, 위기 대응, 의뢰 등)', en: 'Write in the note what was done (a call, crisis support, a referral…)' },
  attendance: { ko: '어떤 조치를 했는지 메모에 적어 주세요 (가족과 통화, 새 일정 합의, 조기 종결 제안 등)', en: 'Write in the note what was done (called the family, agreed new times, proposed early closure…)' },
};

const saySomething = (kind: HumanTask['kind']) =>
  problem.invalidInput([{ field: 'note', code: `${kind}-note-required`, message: kind === 'attendance' ? noteNeeded.attendance : noteNeeded.risk }]);

/**
 * A task that stops no workflow — an urgent risk, three no-shows in a row — is closed by being
 * acknowledged with what was done, audited in the same transaction (`risk.acknowledged`,
 * `attendance.acknowledged`). The same person acknowledging again gets the same answer.
 */
async function acknowledge(task: HumanTask, mine: TaskAnswer): Promise<void> {
  if (!mine.note) throw saySomething(task.kind);
  if (task.state !== 'open') {
    if (task.answer?.by?.userId === mine.by?.userId && task.answer?.note === mine.note && task.answer?.decision === mine.decision) return;
    throw taskClosed();
  }
  const about: Record<string, string | null> = task.risk ? { sessionId: task.risk.sessionId } : { sessions: task.attendance?.missed.map((m) => m.number).join(',') ?? null };
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          closeTaskWrite(task, 'decided', { answer: mine }),
          auditPut(
            auditEvent({
              applicationId: task.applicationId,
              at: mine.at,
              actor: mine.by!,
              action: `${task.kind}.acknowledged`,
              detail: { taskId: task.taskId, decision: mine.decision, ...about },
              note: mine.note,
            }),
          ),
        ],
      }),
    );
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw taskClosed();
    throw error;
  }
}
