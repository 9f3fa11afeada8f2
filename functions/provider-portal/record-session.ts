import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { httpHandler } from '../commons/http';
import { HttpProblem, problem } from '../commons/problems';
import { staffActor } from '../commons/staff';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { keys } from '../applications/keys';
import { auditPut, getApplication, InvalidTransition, transition, type TransactItem } from '../applications/store';
import { ledgerMonthPut } from '../ledger/ledger-month-store';
import { riskTaskWrites } from '../screening/risk-task';
import { screen } from '../screening/score';
import { attendanceWritesFor } from '../service-period/attendance-task';
import { endPeriodWait } from '../service-period/period-wait';
import { entryView, heldCount, saysTheSame, type Session, type SessionEntry } from '../service-period/session';
import { sessionRecordBody } from '../service-period/session-body';
import { sessionRecordWrite, sessionsOf } from '../service-period/session-store';
import { servedApplication } from './served-application';
import { businessMetrics, countMetric } from '../commons/metrics';

const changedMeanwhile = () =>
  new HttpProblem(409, 'session-changed', {
    ko: '그사이 다른 사람이 이 회기 기록을 바꿨습니다. 새로 고친 뒤 다시 기록해 주세요.',
    en: 'Someone changed this session’s record meanwhile. Refresh and record it again.',
  });

const testSessionsOnly = () =>
  problem.invalidInput([
    {
      field: 'screening',
      code: 'screening-test-sessions',
      message: { ko: '검사 결과는 사전검사와 종결(사후검사) 회기에만 기록합니다', en: 'Test answers belong to the pre-test and the closing (post-test) session' },
    },
  ]);

const notInService = () =>
  new HttpProblem(409, 'not-in-service', {
    ko: '서비스 이용 중인 신청에만 회기를 기록할 수 있습니다.',
    en: 'Sessions can be recorded only while the service runs.',
  });

const caseClosing = () =>
  new HttpProblem(409, 'case-closing', {
    ko: '이 사례는 종결 요청이 접수되어 더 이상 회기를 기록할 수 없습니다. 진행한 회기가 있다면 담당 사례관리자에게 알려 주세요.',
    en: 'This case is being closed, so no more sessions can be recorded. If a session was held, tell the case manager.',
  });

/**
 * PUT /api/provider/applications/{applicationId}/sessions/{sessionId} — the serving agency records a
 * session: held (with its length), no-show, cancelled (by whom) or rescheduled (to when). A second
 * record corrects the first and keeps it in the session's history — if it names the record it corrects
 * (`corrects`, its recordedAt), else 409 `session-changed`; one that says just what the record
 * says (a double click, a retry after a lost answer, even once the period moved on) is answered with
 * it and changes nothing, but makes sure of the plan's completion that answer may not have reached. Once the
 * case is closing, nothing more is recorded (409): the closure counts the sessions as they stood.
 * The record that makes the plan's last session held completes the period: the application notes it
 * once, and the workflow's wait on the period is answered, so re-assessment opens at once instead of
 * at the period's end. The record that makes a third no-show in a row opens a task for the case
 * manager (`caseManagerTold` in the answer).
 */
export const handler = httpHandler(async (event) => {
  const { staff, application } = await servedApplication(event);
  const body = sessionRecordBody.parse(event.jsonBody);
  const period = application.servicePeriod?.period;
  const sessions = period ? await sessionsOf(application.id, period) : [];
  const session = sessions.find((s) => s.sessionId === event.pathParameters?.sessionId);
  // The record as it stands says just this (a double click, a retry after a lost answer): it is answered as it is.
  if (session && saysTheSame(session.record, body)) return answered(application, session, sessions, now().toISOString());
  if (application.status !== 'in-service' || !period) throw notInService();
  if (application.closingRequest) throw caseClosing();
  if (!session) throw problem.notFound({ ko: '회기', en: 'Session' });
  // A different record replaces the standing one only if its sender saw it (and named it): otherwise
  // two people recording at once, or a page left open, would overwrite a record nobody read.
  if (session.record && body.corrects !== session.record.recordedAt) throw changedMeanwhile();
  const at = now().toISOString();
  if (body.screening && session.kind === 'counselling') throw testSessionsOnly();
  const actor = staffActor(staff, event);
  const { screening: answers, corrects: _corrects, ...said } = body;
  const screened = answers ? screen(answers) : undefined;
  const entry: SessionEntry = { ...said, ...(answers && screened ? { screening: { answers, ...screened } } : {}), recordedAt: at, recordedBy: actor };
  const after = sessions.map((s) => (s.sessionId === session.sessionId ? { ...s, record: entry } : s));
  const attendance = await attendanceWritesFor(application, after, session.sessionId, at);
  const recordItems = [
    sessionRecordWrite(session, entry),
    stillServedCheck(application.id, period),
    auditPut(
      auditEvent({
        applicationId: application.id,
        at,
        actor,
        action: session.record ? 'session.corrected' : 'session.recorded',
        detail: { sessionId: session.sessionId, outcome: body.outcome, on: body.on, ...(screened ? { phq9: screened.phq9.total, gad7: screened.gad7.total } : {}) },
        ...(body.note ? { note: body.note } : {}),
      }),
    ),
    ...(screened?.risk.high ? riskTaskWrites(application, session.sessionId, at, screened.risk) : []),
    // A held session puts the application in its month's settlement export (functions/ledger/ledger-month-store.ts).
    ...(body.outcome === 'held' ? [ledgerMonthPut(application, body.on)] : []),
  ];
  const written = await writeRecord(recordItems, attendance);
  if (written === 'session-changed') {
    // Someone recorded it meanwhile: if they said just this, it is the same record (two clicks at once).
    const current = await sessionsOf(application.id, period);
    const standing = current.find((s) => s.sessionId === session.sessionId);
    if (standing && saysTheSame(standing.record, body)) return answered(application, standing, current, at);
    throw changedMeanwhile();
  }
  if (written === 'case-changed') throw (await getApplication(application.id))?.closingRequest ? caseClosing() : notInService();
  const caseManagerTold = written === 'with-attendance-task';
  if (screened?.risk.high) countMetric(businessMetrics.highRisk, 1, { programme: application.programme });
  const held = heldCount(after);
  if (held >= after.length) await completePlan(application, held, at);
  return {
    status: 200,
    body: { sessionId: session.sessionId, record: entryView(entry), sessionsHeld: held, sessionsPlanned: after.length, ...(screened ? { screening: { phq9: screened.phq9, gad7: screened.gad7, risk: screened.risk } } : {}), ...(caseManagerTold ? { caseManagerTold: true } : {}) },
  };
});

/** The answer for a record that already stands: the same shape as a fresh one, and the plan completed if it is. */
async function answered(application: Application, session: Session, sessions: Session[], at: string) {
  const entry = session.record!;
  const held = heldCount(sessions);
  if (application.status === 'in-service' && held >= sessions.length) await completePlan(application, held, at);
  const screening = entry.screening ? { phq9: entry.screening.phq9, gad7: entry.screening.gad7, risk: entry.screening.risk } : undefined;
  return { status: 200, body: { sessionId: session.sessionId, record: entryView(entry), sessionsHeld: held, sessionsPlanned: sessions.length, ...(screening ? { screening } : {}) } };
}

/**
 * The record goes in only while the case is served and no closing request stands — checked in the
 * record's own transaction, so a record racing a closure is either in before the request (and the
 * Closure step, which reads the sessions after it, counts it) or refused: never on a closed case,
 * never left out of the closing summary.
 */
function stillServedCheck(applicationId: string, period: number): TransactItem {
  return {
    ConditionCheck: {
      TableName: env.tableName(),
      Key: keys.application(applicationId),
      ConditionExpression: '#status = :inService AND servicePeriod.period = :period AND attribute_not_exists(closingRequest)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':inService': 'in-service', ':period': period },
    },
  };
}

/**
 * Writes the record with its audit (and any task it opens) in one transaction: `session-changed` when
 * someone else recorded the session first, `case-changed` when the case stopped being served (a
 * closing request, the period's end). The attendance task's failing means a record of another session
 * of the same run opened it meanwhile: the record is written again without it.
 */
async function writeRecord(recordItems: TransactItem[], attendance: TransactItem[]): Promise<'written' | 'with-attendance-task' | 'session-changed' | 'case-changed'> {
  const refusal = (reasons: string[] | undefined) =>
    reasons?.[0] === 'ConditionalCheckFailed' ? 'session-changed' : reasons?.[1] === 'ConditionalCheckFailed' ? 'case-changed' : undefined;
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...recordItems, ...attendance] }));
    return attendance.length > 0 ? 'with-attendance-task' : 'written';
  } catch (error) {
    const reasons = cancellationReasons(error);
    const refused = refusal(reasons);
    if (refused) return refused;
    if (!attendance.length || !reasons?.slice(recordItems.length).includes('ConditionalCheckFailed')) throw error;
  }
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: recordItems }));
    return 'written';
  } catch (error) {
    const refused = refusal(cancellationReasons(error));
    if (refused) return refused;
    throw error;
  }
}

/** The plan's sessions are all held: noted once on the application, and the period's wait answered. */
async function completePlan(application: Application, sessionsHeld: number, at: string) {
  const { id: applicationId, servicePeriod } = application;
  const period = servicePeriod!.period;
  try {
    // Noted already (the same record resent after its answer was lost): only the wait's answer is made sure of.
    if (!servicePeriod!.planCompletedAt) {
      await transition(applicationId, {
        from: ['in-service'],
        to: 'in-service',
        once: 'servicePeriod.planCompletedAt',
        set: { servicePeriod: { ...servicePeriod!, planCompletedAt: at } },
        audit: auditEvent({ applicationId, at, actor: { kind: 'system', step: 'RecordSession' }, action: 'service-period.plan-completed', detail: { period, sessionsHeld } }),
      });
    }
  } catch (error) {
    // The workflow moved the case on (to re-assessment) after this request read it: a resend racing the
    // completion its first try already carried. The period is over; nothing is left to do.
    if (error instanceof InvalidTransition) return;
    throw error;
  }
  await endPeriodWait(applicationId, period);
}
