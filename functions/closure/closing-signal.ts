import { SendTaskFailureCommand } from '@aws-sdk/client-sfn';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, sfn } from '../commons/clients';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { HttpProblem } from '../commons/problems';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { keys } from '../applications/keys';
import { auditPut, requireApplication } from '../applications/store';
import { openOfferOf } from '../matching/offer-store';
import { isSpentToken } from '../review/staff-task';
import { tasksOfApplication } from '../review/task-store';
import { closableEarly, type ClosingRequest } from './closing-labels';
import { CLOSING_EARLY_ERROR } from './stop-if-closing';

export const cannotClose = () =>
  new HttpProblem(409, 'not-closable', {
    ko: '이 신청은 이미 종결되었거나 반려되어 중단할 수 없습니다.',
    en: 'This application is already closed or was not approved, so it cannot be stopped.',
  });

/**
 * Records the closing request on the application with its audit event, only from a status that can
 * close early and only once. A second request gets the standing one back (idempotent); a closed,
 * rejected or failed application → 409.
 */
export async function recordClosingRequest(applicationId: string, request: ClosingRequest): Promise<ClosingRequest> {
  const statuses = Object.fromEntries(closableEarly.map((s, i) => [`:s${i}`, s]));
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: env.tableName(),
              Key: keys.application(applicationId),
              UpdateExpression: 'SET closingRequest = :request',
              ConditionExpression: `attribute_exists(pk) AND #status IN (${Object.keys(statuses).join(', ')}) AND attribute_not_exists(closingRequest)`,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':request': request, ...statuses },
            },
          },
          auditPut(
            auditEvent({
              applicationId,
              at: request.at,
              actor: request.by,
              action: 'closure.requested',
              visibleToApplicant: true,
              detail: { reason: request.reason },
              ...(request.note ? { note: request.note } : {}),
            }),
          ),
        ],
      }),
    );
    return request;
  } catch (error) {
    if (cancellationReasons(error)?.[0] !== 'ConditionalCheckFailed') throw error;
    const current = await requireApplication(applicationId);
    if (current.closingRequest) return current.closingRequest;
    throw cannotClose();
  }
}

/**
 * Answers whatever the execution waits on with `Dolbom.ClosingEarly`: an open review or re-assessment
 * task, the agency's offer, the waiting-list entry, the service period's wait, the citizen's supplement. Tokens already spent
 * (answered, timed out) are skipped; the items themselves are closed by the Closure step, in its
 * transaction. Safe to repeat.
 */
export async function signalClosing(application: Application): Promise<void> {
  const round = application.supplement?.round;
  const [tasks, offer, waitlist, periodWait, supplement] = await Promise.all([
    tasksOfApplication(application.id),
    openOfferOf(application.id),
    tokenOf(keys.waitlistEntry(application.id)),
    tokenOf(keys.periodWait(application.id, application.period)),
    round ? tokenOf(keys.supplement(application.id, round)) : undefined,
  ]);
  const tokens = [...tasks.filter((t) => t.state === 'open' && t.taskToken).map((t) => t.taskToken!), offer?.taskToken, waitlist, periodWait, supplement];
  for (const taskToken of new Set(tokens.filter((t): t is string => Boolean(t)))) {
    try {
      await sfn().send(new SendTaskFailureCommand({ taskToken, error: CLOSING_EARLY_ERROR, cause: 'A closing request was recorded on the application' }));
    } catch (error) {
      if (!isSpentToken(error)) throw error;
    }
  }
}

async function tokenOf(key: { pk: string; sk: string }): Promise<string | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: key, ConsistentRead: true, ProjectionExpression: 'taskToken' }));
  return out.Item?.taskToken as string | undefined;
}
