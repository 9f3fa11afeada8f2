import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { httpHandler } from '../commons/http';
import { HttpProblem, problem } from '../commons/problems';
import { staffActor } from '../commons/staff';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { auditPut, transition, type TransactItem } from '../applications/store';
import { ledgerMonthPut } from '../ledger/ledger-month-store';
import { riskTaskWrites } from '../screening/risk-task';
import { screen } from '../screening/score';
import { attendanceWritesFor } from '../service-period/attendance-task';
import { endPeriodWait } from '../service-period/period-wait';
import { entryView, heldCount, type SessionEntry } from '../service-period/session';
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

/**
 * PUT /api/provider/applications/{applicationId}/sessions/{sessionId} — the serving agency records a
 * session: held (with its length), no-show, cancelled (by whom) or rescheduled (to when). A second
 * record corrects the first and keeps it in the session's history. The record that makes the plan's
 * last session held completes the period: the application notes it once, and the workflow's wait on
 * the period is answered, so re-assessment opens at once instead of at the period's end. The record
 * that makes a third no-show in a row opens a task for the case manager (`caseManagerTold` in the answer).
 */
export const handler = httpHandler(async (event) => {
  const { staff, application } = await servedApplication(event);
  const body = sessionRecordBody.parse(event.jsonBody);
  const period = application.servicePeriod?.period;
  if (application.status !== 'in-service' || !period) throw notInService();
  const sessions = await sessionsOf(application.id, period);
  const session = sessions.find((s) => s.sessionId === event.pathParameters?.sessionId);
  if (!session) throw problem.notFound({ ko: '회기', en: 'Session' });
  if (body.screening && session.kind === 'counselling') throw testSessionsOnly();
  const at = now().toISOString();
  const actor = staffActor(staff, event);
  const { screening: answers, ...said } = body;
  const screened = answers ? screen(answers) : undefined;
  const entry: SessionEntry = { ...said, ...(answers && screened ? { screening: { answers, ...screened } } : {}), recordedAt: at, recordedBy: actor };
  const after = sessions.map((s) => (s.sessionId === session.sessionId ? { ...s, record: entry } : s));
  const attendance = await attendanceWritesFor(application, after, session.sessionId, at);
  const recordItems = [
    sessionRecordWrite(session, entry),
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
  const caseManagerTold = await writeRecord(recordItems, attendance);
  if (screened?.risk.high) countMetric(businessMetrics.highRisk, 1, { programme: application.programme });
  const held = heldCount(after);
  if (held >= after.length) await completePlan(application, held, at);
  return {
    status: 200,
    body: { sessionId: session.sessionId, record: entryView(entry), sessionsHeld: held, sessionsPlanned: after.length, ...(screened ? { screening: { phq9: screened.phq9, gad7: screened.gad7, risk: screened.risk } } : {}), ...(caseManagerTold ? { caseManagerTold: true } : {}) },
  };
});

/**
 * Writes the record with its audit (and any task it opens) in one transaction; true when the
 * attendance task went with it. The record's own condition failing means someone else recorded the
 * session first (409). The attendance task's failing means a record of another session of the same run
 * opened it meanwhile: the record is written again without it.
 */
async function writeRecord(recordItems: TransactItem[], attendance: TransactItem[]): Promise<boolean> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...recordItems, ...attendance] }));
    return attendance.length > 0;
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (reasons?.[0] === 'ConditionalCheckFailed') throw changedMeanwhile();
    if (!attendance.length || !reasons?.slice(recordItems.length).includes('ConditionalCheckFailed')) throw error;
  }
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: recordItems }));
    return false;
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw changedMeanwhile();
    throw error;
  }
}

/** The plan's sessions are all held: noted once on the application, and the period's wait answered. */
async function completePlan(application: Application, sessionsHeld: number, at: string) {
  const { id: applicationId, servicePeriod } = application;
  const period = servicePeriod!.period;
  await transition(applicationId, {
    from: ['in-service'],
    to: 'in-service',
    once: 'servicePeriod.planCompletedAt',
    set: { servicePeriod: { ...servicePeriod!, planCompletedAt: at } },
    audit: auditEvent({ applicationId, at, actor: { kind: 'system', step: 'RecordSession' }, action: 'service-period.plan-completed', detail: { period, sessionsHeld } }),
  });
  await endPeriodWait(applicationId, period);
}
