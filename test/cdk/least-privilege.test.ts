import { describe, expect, it } from 'vitest';
import { handlers, type HandlerId, type TableAccess } from '../../functions/catalog';
import { ROUTE_ACCESS_VARIABLE, routes } from '../../functions/routes';
import { synthesize } from '../../infra/synth';

const { app } = synthesize('prod');
const resources = app.Resources;

type Statement = { Action: string | string[]; Resource: unknown; Effect?: string; Condition?: Record<string, Record<string, unknown>> };

/** Every IAM statement granted to the role of each catalog function. */
function statementsByHandler(): Record<string, Statement[]> {
  const byRole: Record<string, Statement[]> = {};
  for (const [logicalId, r] of Object.entries(resources)) {
    // A function's statements live in its role (DolbomFunction); CDK's own grants may add a policy.
    if (r.Type === 'AWS::IAM::Role') {
      for (const policy of (r.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]) (byRole[logicalId] ??= []).push(...policy.PolicyDocument.Statement);
    }
    if (r.Type !== 'AWS::IAM::Policy') continue;
    const statements = r.Properties!.PolicyDocument.Statement as Statement[];
    for (const role of r.Properties!.Roles as { Ref: string }[]) (byRole[role.Ref] ??= []).push(...statements);
  }
  const result: Record<string, Statement[]> = {};
  for (const r of Object.values(resources)) {
    const handler = r.Properties?.Environment?.Variables?.DOLBOM_HANDLER;
    if (r.Type === 'AWS::Lambda::Function' && handler) {
      result[handler] = byRole[(r.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]] ?? [];
    }
  }
  return result;
}

const statements = statementsByHandler();
const granted = Object.fromEntries(Object.entries(statements).map(([h, list]) => [h, list.flatMap((s) => [s.Action].flat())]));
const streamGrants = Object.fromEntries(
  Object.entries(statements).filter(([, list]) => list.some((s) => /StreamArn/.test(JSON.stringify(s.Resource)))),
);
/** The handlers allowed to start executions of the state machines whose ARN matches `machine`. */
const startersOf = (machine: RegExp) =>
  Object.keys(statements)
    .filter((h) => statements[h]!.some((s) => [s.Action].flat().includes('states:StartExecution') && machine.test(JSON.stringify(s.Resource))))
    .sort();
const holders = (pattern: RegExp) => Object.keys(granted).filter((h) => granted[h]!.some((a) => pattern.test(a))).sort();

describe('least privilege', () => {
  it("lets only submission, the table stream's trigger, extension, continue-as-new, a supervisor's reopening override and the resume of a failed application start lifecycle executions", () => {
    expect(startersOf(/lifecycle/)).toEqual(['continueLifecycle', 'overrideEligibility', 'resumeApplication', 'startNextPeriod', 'startStoredApplication', 'submitApplication']);
  });

  it('lets only the bulk decision route start bulk decision jobs, and start nothing else', () => {
    expect(startersOf(/bulk-decisions/)).toEqual(['createBulkDecisions']);
    expect(holders(/^states:StartExecution$/)).toEqual(['continueLifecycle', 'createBulkDecisions', 'overrideEligibility', 'resumeApplication', 'startNextPeriod', 'startStoredApplication', 'submitApplication']);
    expect(granted.createBulkDecisions!.filter((a) => a.startsWith('states:'))).toEqual(['states:StartExecution']);
  });

  it("lets a bulk job's case step only succeed task tokens (of the lifecycle), and the job's reader only read", () => {
    expect(granted.decideBulkItem!.filter((a) => a.startsWith('states:'))).toEqual(['states:SendTaskSuccess']);
    const answer = statements.decideBulkItem!.find((s) => [s.Action].flat().includes('states:SendTaskSuccess'))!;
    expect(JSON.stringify(answer.Resource)).toContain('stateMachine:dolbom-prod-lifecycle');
    expect(granted.finishBulkJob!.some((a) => a.startsWith('states:'))).toBe(false);
    expect(granted.getBulkDecisions!.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
  });

  it("lets only the lifecycle picture read executions' histories, of this state machine's executions only, and nothing else of Step Functions", () => {
    expect(holders(/^states:(GetExecutionHistory|DescribeExecution|ListExecutions)$/)).toEqual(['getLifecycleForStaff']);
    const reader = statements.getLifecycleForStaff!.filter((s) => [s.Action].flat().some((a) => a.startsWith('states:')));
    expect(reader.flatMap((s) => [s.Action].flat())).toEqual(['states:GetExecutionHistory']);
    expect(JSON.stringify(reader[0]!.Resource)).toContain(':execution:dolbom-prod-lifecycle:*');
    // Reads the application for the district check and writes nothing.
    expect(granted.getLifecycleForStaff!.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
  });

  it("lets only the four stream triggers read the table's stream, and the starter nothing else of the table", () => {
    // Table grants name GetRecords too, but on the table and its indexes: only a grant on the stream's ARN reads it.
    expect(Object.keys(streamGrants).sort()).toEqual(['fillWaitlist', 'projectCounts', 'sendNotifications', 'startStoredApplication']);
    expect(granted.startStoredApplication!.filter((a) => /^dynamodb:/.test(a)).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
  });

  it('lets only the decision endpoints (a bulk job\'s case step too), the waitlist batch, the service period (its wait, the session that completes the plan) and the steps that open a task, an offer or a supplement wait (passing on an answer given to a retried attempt) answer task tokens, the early closures only fail them, and the claim and acknowledge endpoints only heartbeat them', () => {
    expect(holders(/^states:SendTaskSuccess$/)).toEqual(['awaitServicePeriod', 'awaitSupplement', 'decideBulkItem', 'decideProviderOffer', 'decideTask', 'fillWaitlist', 'openHumanTask', 'openProviderOffer', 'recordSession', 'submitSupplement']);
    expect(holders(/^states:SendTaskFailure$/)).toEqual(['awaitServicePeriod', 'decideProviderOffer', 'decideTask', 'fillWaitlist', 'recordSession', 'requestEarlyClosure', 'submitSupplement', 'withdrawApplication']);
    expect(holders(/^states:SendTaskHeartbeat$/)).toEqual(['acknowledgeProviderOffer', 'awaitServicePeriod', 'claimTask', 'decideProviderOffer', 'decideTask', 'fillWaitlist', 'recordSession', 'submitSupplement']);
  });

  it("lets only the supplement handlers touch the documents bucket, each with one action on the applications' objects", () => {
    expect(holders(/^s3:/)).toEqual(['openSupplementDocument', 'requestSupplementUploads', 'submitSupplement']);
    expect(granted.requestSupplementUploads!.filter((a) => /^s3:/.test(a))).toEqual(['s3:PutObject']);
    expect(granted.openSupplementDocument!.filter((a) => /^s3:/.test(a))).toEqual(['s3:GetObject']);
    expect(granted.submitSupplement!.filter((a) => /^s3:/.test(a)).sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    for (const handler of ['openSupplementDocument', 'requestSupplementUploads', 'submitSupplement']) {
      for (const statement of statements[handler]!.filter((s) => [s.Action].flat().some((a) => /^s3:/.test(a)))) {
        const resource = JSON.stringify(statement.Resource);
        // Objects under applications/ only; the bucket itself only for listing under that prefix.
        expect(resource, handler).toMatch(statement.Action === 's3:ListBucket' ? /DocumentsBucket|Documents/ : /applications\/\*/);
      }
    }
  });

  it('gives each function behind a route the groups of its routes, as the route list has them (staffMember admits by them), and the others none', () => {
    const given = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Environment?.Variables?.DOLBOM_HANDLER)
      .map((r) => [r.Properties!.Environment.Variables.DOLBOM_HANDLER, r.Properties!.Environment.Variables[ROUTE_ACCESS_VARIABLE]] as [string, string | undefined]);
    expect(given).toHaveLength(Object.keys(handlers).length);
    for (const [handler, variable] of given) {
      const served = routes.filter((r) => r.handler === handler);
      const expected = served.length ? Object.fromEntries(served.map((r) => [`${r.method} ${r.path}`, r.access])) : undefined;
      expect(variable === undefined ? undefined : JSON.parse(variable), handler).toEqual(expected);
    }
  });

  it('lets only submission use the data key', () => {
    expect(holders(/^kms:(Decrypt|GenerateDataKey|Encrypt|ReEncrypt)/)).toEqual(['submitApplication']);
  });

  it('lets only the handlers that hash access codes or applicant names use the access-code key, and only for GenerateMac', () => {
    // The queue's search and the case lookup hash a searched name under a key derived from it (another label).
    expect(holders(/^kms:GenerateMac$/)).toEqual(['findCasesForStaff', 'getApplicationStatus', 'listTasks', 'lookupApplication', 'requestSupplementUploads', 'submitApplication', 'submitSupplement', 'withdrawApplication']);
    for (const handler of ['findCasesForStaff', 'getApplicationStatus', 'listTasks', 'lookupApplication', 'withdrawApplication']) {
      expect(granted[handler]!.filter((a) => a.startsWith('kms:')), handler).toEqual(['kms:GenerateMac']);
    }
  });

  it('lets only the sender send SMS and e-mail: SMS to phone numbers only (never a topic), e-mail only from the stage domain', () => {
    expect(holders(/^sns:/)).toEqual(['sendNotifications']);
    expect(holders(/^ses:/)).toEqual(['sendNotifications']);
    const sender = statements.sendNotifications!;
    const sms = sender.filter((s) => [s.Action].flat().includes('sns:Publish')) as (Statement & { Effect: string })[];
    expect(sms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Allow', Resource: '*' }),
        expect.objectContaining({ Effect: 'Deny', Resource: 'arn:aws:sns:*:*:*' }),
      ]),
    );
    const email = sender.find((s) => [s.Action].flat().includes('ses:SendEmail'))!;
    expect(JSON.stringify(email.Resource)).toContain(':identity/dolbom.seoul.example');
    expect([...new Set(granted.sendNotifications!.filter((a) => /^(sns|ses):/.test(a)))].sort()).toEqual(['ses:SendEmail', 'sns:Publish']);
    // It reads the application for the contact details, which are not sealed: no data key.
    expect(granted.sendNotifications!.some((a) => a.startsWith('kms:'))).toBe(false);
  });

  it('gives the pre-check and the API document no data access at all', () => {
    expect(granted.prescreenEligibility!.filter((a) => /^(dynamodb|states|kms):/.test(a))).toEqual([]);
    expect(granted.openApiDocument!.filter((a) => /^(dynamodb|states|kms):/.test(a))).toEqual([]);
  });

  it('keeps read-only handlers read-only', () => {
    // listTasks writes the audit record of a search (whose data a case manager looked for): not read-only.
    for (const handler of ['countTasks', 'listAgencies', 'getAgency', 'listCounsellors', 'listNotifications', 'getLifecycleForStaff']) {
      expect(granted[handler]!.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a)), handler).toEqual([]);
      expect(granted[handler]!.some((a) => /^dynamodb:(Query|GetItem)$/.test(a)), handler).toBe(true);
    }
  });

  it('grants no function Scan, BatchWriteItem, DescribeTable or a DynamoDB wildcard: no grantReadWriteData is left', () => {
    expect(holders(/^dynamodb:(Scan|BatchWriteItem|DescribeTable|PartiQL.*|\*)$/)).toEqual([]);
  });

  it("grants each function exactly its catalog entry's table actions: on the table, Query on the indexes it names and on no other", () => {
    for (const [handler, spec] of Object.entries(handlers) as [HandlerId, { access: { table?: TableAccess } }][]) {
      const table = spec.access.table;
      const dynamo = statements[handler]!.filter((st) => [st.Action].flat().some((a) => a.startsWith('dynamodb:')) && !/StreamArn/.test(JSON.stringify(st.Resource)));
      const onTable = dynamo.filter((st) => !st.Condition && !/\/index\//.test(JSON.stringify(st.Resource)));
      expect(onTable.flatMap((st) => [st.Action].flat()).sort(), handler).toEqual([...(table?.reads ?? []), ...(table?.writes ?? [])].map((a) => `dynamodb:${a}`).sort());
      const indexes = dynamo.filter((st) => /\/index\//.test(JSON.stringify(st.Resource)));
      expect(indexes.flatMap((st) => [st.Action].flat()), handler).toEqual(table?.indexes?.length ? ['dynamodb:Query'] : []);
      const named = indexes.flatMap((st) => [st.Resource].flat().map((r) => /\/index\/([^"]+)"/.exec(JSON.stringify(r))?.[1]));
      expect(named.sort(), handler).toEqual([...(table?.indexes ?? [])].sort());
    }
  });

  it("lets the read routes write only their audit events, access records and guess counters: each write scoped by dynamodb:LeadingKeys, no update or delete of anything else", () => {
    const scoped = (Object.keys(handlers) as HandlerId[]).filter((h) => (handlers[h].access as { table?: TableAccess }).table?.scopedWrites);
    expect(scoped).toEqual(expect.arrayContaining(['getApplicationForStaff', 'getApplicationStatus', 'lookupApplication', 'listTasks', 'findCasesForStaff', 'exportLedger']));
    for (const handler of scoped) {
      const writes = statements[handler]!.filter((st) => [st.Action].flat().some((a) => /^dynamodb:(Put|Update|Delete|ConditionCheck)/.test(a)));
      for (const write of writes) {
        const keys = write.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] as string[] | undefined;
        expect(keys, `${handler} ${JSON.stringify(write.Action)}`).toBeDefined();
        for (const key of keys!) expect(['APP#*', 'ACCESS#*', 'DISTRICT-AUDIT#*', 'GUESSES#*'], handler).toContain(key);
        // Guess counters are updated, never deleted; nothing but the counters is updated.
        if ([write.Action].flat().includes('dynamodb:UpdateItem')) expect(keys, handler).toEqual(['GUESSES#*']);
      }
      expect(granted[handler]!.includes('dynamodb:DeleteItem'), handler).toBe(false);
    }
    // A staff read writes its audit event and access record only (puts, no counters).
    expect(granted.getApplicationForStaff!.filter((a) => /^dynamodb:(Put|Update|Delete|ConditionCheck)/.test(a))).toEqual(['dynamodb:PutItem']);
  });
});
