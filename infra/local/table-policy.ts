/**
 * The table's half of IAM, local cloud only: every DynamoDB call a handler makes is checked against
 * the DynamoDB statements CDK synthesized for that handler's role, and one its role lacks is refused
 * with the `AccessDeniedException` AWS would send. So a handler that starts calling a command its
 * catalog entry does not grant fails in `npm start` and in the integration suite, not in production.
 *
 * What it evaluates: Allow statements only (the stacks grant no DynamoDB Deny), actions by exact name
 * or `dynamodb:*`, resources as "the table", "an index by name" or "every index", and the one
 * condition the stacks use, `ForAllValues:StringLike` on `dynamodb:LeadingKeys` (the partition keys
 * written). Handlers never import this file, so no AWS bundle contains it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Template } from '../synth';
import { functionHandlerIds } from './template';

/** One DynamoDB grant of a role, reduced to what the local check needs. */
export interface TableGrant {
  actions: string[];
  /** 'table', or an index name, or '*' for every index. */
  resources: string[];
  /** Partition-key patterns (`*` wildcard) every written item's key must match, if the grant is scoped. */
  leadingKeys?: string[];
}

/** One action a call needs, on one resource, and the partition key it writes (for LeadingKeys). */
export interface TableRequest {
  action: string;
  resource: string;
  leadingKey?: string;
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, Record<string, unknown>> };

function resourceOf(resource: unknown): string | undefined {
  const text = JSON.stringify(resource);
  if (text === '"*"') return '*any*';
  if (/StreamArn|\/stream\//.test(text)) return undefined;
  const index = /\/index\/([\w.*-]+)/.exec(text);
  if (index) return index[1];
  return /Table/.test(text) ? 'table' : undefined;
}

/** handler id → its DynamoDB grants, from the IAM policies attached to each catalog function's role. */
export function tableGrants(app: Template): Record<string, TableGrant[]> {
  const byRole: Record<string, Statement[]> = {};
  for (const [logicalId, r] of Object.entries(app.Resources)) {
    // A function's statements live in its role (infra/constructs/dolbom-function.ts); CDK's own grants may add a policy.
    if (r.Type === 'AWS::IAM::Role') {
      for (const policy of (r.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]) (byRole[logicalId] ??= []).push(...policy.PolicyDocument.Statement);
    }
    if (r.Type !== 'AWS::IAM::Policy') continue;
    for (const role of r.Properties!.Roles as { Ref: string }[]) (byRole[role.Ref] ??= []).push(...(r.Properties!.PolicyDocument.Statement as Statement[]));
  }
  const grants: Record<string, TableGrant[]> = {};
  for (const [logicalId, handlerId] of Object.entries(functionHandlerIds(app))) {
    const role = (app.Resources[logicalId]!.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    grants[handlerId] = (byRole[role] ?? [])
      .filter((s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => a.startsWith('dynamodb:')))
      .map((s) => {
        const resources = [s.Resource].flat().map(resourceOf).filter((r): r is string => r !== undefined);
        const leading = s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'];
        return { actions: [s.Action].flat(), resources, ...(leading ? { leadingKeys: [leading].flat() as string[] } : {}) };
      })
      .filter((g) => g.resources.length > 0);
  }
  return grants;
}

const likePattern = (pattern: string) => new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** Whether the grants allow one request. */
export function allows(grants: readonly TableGrant[], request: TableRequest): boolean {
  return grants.some(
    (g) =>
      g.actions.some((a) => a === `dynamodb:${request.action}` || a === 'dynamodb:*') &&
      g.resources.some((r) => r === request.resource || r === '*any*' || (r === '*' && request.resource !== 'table')) &&
      (!g.leadingKeys || (request.leadingKey !== undefined && g.leadingKeys.some((p) => likePattern(p).test(request.leadingKey!)))),
  );
}

/** A key attribute's string, marshalled (`{ S: '…' }`) or not. */
function keyString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string') return (value as { S: string }).S;
  return undefined;
}

type Input = Record<string, any>;

/** The actions one SDK command needs, as IAM evaluates them (a transaction: one per item). */
export function requestsOf(commandName: string, input: Input): TableRequest[] {
  const action = commandName.replace(/Command$/, '');
  switch (action) {
    case 'Query':
    case 'Scan':
      return [{ action, resource: input.IndexName ?? 'table' }];
    case 'PutItem':
      return [{ action, resource: 'table', leadingKey: keyString(input.Item?.pk) }];
    case 'UpdateItem':
    case 'DeleteItem':
      return [{ action, resource: 'table', leadingKey: keyString(input.Key?.pk) }];
    case 'TransactWriteItems':
      return (input.TransactItems as Input[]).map((item) => {
        if (item.Put) return { action: 'PutItem', resource: 'table', leadingKey: keyString(item.Put.Item?.pk) };
        if (item.Update) return { action: 'UpdateItem', resource: 'table', leadingKey: keyString(item.Update.Key?.pk) };
        if (item.Delete) return { action: 'DeleteItem', resource: 'table', leadingKey: keyString(item.Delete.Key?.pk) };
        return { action: 'ConditionCheckItem', resource: 'table', leadingKey: keyString(item.ConditionCheck?.Key?.pk) };
      });
    case 'TransactGetItems':
      return (input.TransactItems as Input[]).map(() => ({ action: 'GetItem', resource: 'table' }));
    default:
      return [{ action, resource: 'table' }];
  }
}

/**
 * Adds the check to the handlers' DynamoDB client, outermost in the build step (the input is final,
 * marshalled or not). Calls made outside any handler (seeding, the local services) are not checked.
 */
export function enforceTableGrants(
  client: Pick<DynamoDBClient, 'middlewareStack'>,
  grants: Record<string, readonly TableGrant[]>,
  runningHandler: () => string | undefined,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const handler = runningHandler();
      if (handler === undefined) return next(args);
      const refused = requestsOf(context.commandName ?? '', args.input as Input).find((r) => !allows(grants[handler] ?? [], r));
      if (!refused) return next(args);
      const message =
        `User: arn:aws:sts::000000000000:assumed-role/${handler}/local is not authorized to perform: dynamodb:${refused.action} ` +
        `on resource: ${refused.resource === 'table' ? 'the table' : `index ${refused.resource}`}${refused.leadingKey ? ` (partition ${refused.leadingKey})` : ''} ` +
        'because no identity-based policy allows it (functions/catalog.ts grants its table access)';
      console.error(`[iam] ${message}`);
      const error = new Error(message);
      error.name = 'AccessDeniedException';
      Object.assign(error, { $fault: 'client', $metadata: { httpStatusCode: 400 } });
      throw error;
    },
    { step: 'initialize', priority: 'high', name: 'dolbomLocalTableGrants' },
  );
}
