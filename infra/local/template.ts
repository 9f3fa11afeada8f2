import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { Template } from '../synth';

/**
 * Reads the synthesized CloudFormation templates for the local cloud: tables to create, state
 * machines to run (with their Lambda ARNs resolved) — so the local cloud runs exactly what CDK deploys.
 */
export const LOCAL_REGION = 'ap-northeast-2';
export const LOCAL_ACCOUNT = '000000000000';

export const localFunctionArn = (handlerId: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${handlerId}`;

interface ResolveContext {
  /** Ref of a resource → its physical value. */
  refs: Record<string, string>;
  /** Fn::GetAtt [logicalId, 'Arn'] → value. */
  arns: Record<string, string>;
  exports: Record<string, string>;
}

const pseudo: Record<string, string> = {
  'AWS::Region': LOCAL_REGION,
  'AWS::AccountId': LOCAL_ACCOUNT,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

/** Resolves the intrinsic functions CDK emits in the parts the local cloud reads. */
export function resolveIntrinsics(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveIntrinsics(v, ctx));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [fn, arg] = entries[0]!;
    const resolved = (v: unknown) => resolveIntrinsics(v, ctx);
    switch (fn) {
      case 'Ref': {
        const name = arg as string;
        const out = pseudo[name] ?? ctx.refs[name];
        if (out === undefined) throw new Error(`Cannot resolve Ref ${name} locally`);
        return out;
      }
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = arg as [string, string];
        const out = attribute === 'Arn' ? ctx.arns[logicalId] : undefined;
        if (out === undefined) throw new Error(`Cannot resolve Fn::GetAtt ${logicalId}.${attribute} locally`);
        return out;
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        return (resolved(parts) as unknown[]).join(separator);
      }
      case 'Fn::ImportValue': {
        const name = resolved(arg) as string;
        const out = ctx.exports[name];
        if (out === undefined) throw new Error(`Cannot resolve Fn::ImportValue ${name} locally`);
        return out;
      }
    }
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, resolveIntrinsics(v, ctx)]));
}

function resourcesOfType(template: Template, type: string) {
  return Object.entries(template.Resources).filter(([, r]) => r.Type === type);
}

/** CreateTable inputs (and TTL attributes) for the tables of a template. */
export function tableDefinitions(template: Template): { create: CreateTableCommandInput; ttlAttribute?: string }[] {
  return [...resourcesOfType(template, 'AWS::DynamoDB::GlobalTable'), ...resourcesOfType(template, 'AWS::DynamoDB::Table')].map(([, r]) => {
    const p = r.Properties!;
    return {
      create: {
        TableName: p.TableName,
        AttributeDefinitions: p.AttributeDefinitions,
        KeySchema: p.KeySchema,
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: p.GlobalSecondaryIndexes?.map((g: Record<string, unknown>) => ({
          IndexName: g.IndexName,
          KeySchema: g.KeySchema,
          Projection: g.Projection,
        })),
        ...(p.StreamSpecification ? { StreamSpecification: { StreamEnabled: true, StreamViewType: p.StreamSpecification.StreamViewType } } : {}),
      },
      ttlAttribute: p.TimeToLiveSpecification?.Enabled ? p.TimeToLiveSpecification.AttributeName : undefined,
    };
  });
}

/** Lambda logical id → catalog handler id (the DOLBOM_HANDLER variable every function carries). */
export function functionHandlerIds(template: Template): Record<string, string> {
  return Object.fromEntries(
    resourcesOfType(template, 'AWS::Lambda::Function')
      .map(([logicalId, r]) => [logicalId, r.Properties?.Environment?.Variables?.DOLBOM_HANDLER])
      .filter(([, id]) => typeof id === 'string'),
  );
}

/** Lambda alias logical id → the handler it points at and its local ARN (`…:function:<handlerId>:<alias>`). */
export function functionAliases(template: Template): Record<string, { handlerId: string; arn: string }> {
  const handlerIds = functionHandlerIds(template);
  return Object.fromEntries(
    resourcesOfType(template, 'AWS::Lambda::Alias').flatMap(([logicalId, r]) => {
      const handlerId = handlerIds[r.Properties?.FunctionName?.Ref];
      return handlerId ? [[logicalId, { handlerId, arn: `${localFunctionArn(handlerId)}:${r.Properties!.Name}` }]] : [];
    }),
  );
}

/** State machine logical id → the names of its aliases (through the versions they route to). */
function stateMachineAliasNames(template: Template): Record<string, string[]> {
  const machineOfVersion = Object.fromEntries(
    resourcesOfType(template, 'AWS::StepFunctions::StateMachineVersion').map(([id, r]) => [id, r.Properties?.StateMachineArn?.Ref as string]),
  );
  const names: Record<string, string[]> = {};
  for (const [, r] of resourcesOfType(template, 'AWS::StepFunctions::StateMachineAlias')) {
    const p = r.Properties!;
    const versionRefs = [p.DeploymentPreference?.StateMachineVersionArn, ...(p.RoutingConfiguration ?? []).map((c: { StateMachineVersionArn: unknown }) => c.StateMachineVersionArn)];
    const logicalIdOf = (v: unknown) => (v as { Ref?: string } | undefined)?.Ref ?? (v as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0] ?? '';
    const machine = versionRefs.map((v) => machineOfVersion[logicalIdOf(v)]).find(Boolean);
    if (machine) (names[machine] ??= []).push(p.Name as string);
  }
  return names;
}

/**
 * The state machines of the application template, with every intrinsic resolved to local values, and
 * the names of their aliases (the local service runs an alias as its machine: one definition, no versions).
 */
export function stateMachines(data: Template, app: Template): { name: string; definition: Record<string, unknown>; aliases: string[] }[] {
  const tables = Object.fromEntries(tableDefinitions(data).map((t) => [t.create.TableName!, t.create.TableName!]));
  const dataRefs: Record<string, string> = {};
  for (const [logicalId, r] of Object.entries(data.Resources)) {
    if (r.Properties?.TableName && tables[r.Properties.TableName]) dataRefs[logicalId] = r.Properties.TableName;
  }
  const exports: Record<string, string> = {};
  for (const output of Object.values(data.Outputs ?? {})) {
    if (!output.Export) continue;
    try {
      exports[output.Export.Name as string] = resolveIntrinsics(output.Value, { refs: dataRefs, arns: {}, exports: {} }) as string;
    } catch {
      // Exports the local cloud does not use (key and user-pool ARNs) stay unresolved.
    }
  }
  const arns = Object.fromEntries(Object.entries(functionHandlerIds(app)).map(([logicalId, id]) => [logicalId, localFunctionArn(id)]));
  // A Lambda alias's Ref is its ARN: the steps invoke `live`, which the local runtime runs as the handler.
  const refs = Object.fromEntries(Object.entries(functionAliases(app)).map(([logicalId, alias]) => [logicalId, alias.arn]));
  const aliases = stateMachineAliasNames(app);
  return resourcesOfType(app, 'AWS::StepFunctions::StateMachine').map(([logicalId, r]) => ({
    name: r.Properties!.StateMachineName as string,
    definition: JSON.parse(resolveIntrinsics(r.Properties!.DefinitionString, { refs, arns, exports }) as string),
    aliases: aliases[logicalId] ?? [],
  }));
}

/** A Lambda event source mapping on a table's stream, as the local cloud runs it. */
export interface StreamMapping {
  /** Logical id of the mapping: the key of its position on disk. */
  id: string;
  handlerId: string;
  tableName: string;
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  batchSize: number;
  maxBatchingWindowMs: number;
  /** Event filter patterns; a record passes if it matches any (none: every record passes). */
  filters: Record<string, unknown>[];
  bisectBatchOnError: boolean;
  reportBatchItemFailures: boolean;
  /** -1: retry until the record leaves the stream. */
  maxRetryAttempts: number;
  /** Whether records that exhaust their retries go somewhere (an on-failure destination). */
  hasFailureDestination: boolean;
}

/** The event source mappings of the application template that read a table's stream. */
export function streamMappings(data: Template, app: Template): StreamMapping[] {
  // A trigger names its function, or (as deployed) the function's alias.
  const handlerIds = { ...functionHandlerIds(app), ...Object.fromEntries(Object.entries(functionAliases(app)).map(([id, a]) => [id, a.handlerId])) };
  const exported = Object.fromEntries(
    Object.values(data.Outputs ?? {})
      .filter((o) => o.Export)
      .map((o) => [o.Export!.Name as string, o.Value]),
  );
  return resourcesOfType(app, 'AWS::Lambda::EventSourceMapping').map(([id, r]) => {
    const p = r.Properties!;
    // The stream ARN comes from the data stack: { Fn::ImportValue } → { Fn::GetAtt: [table, 'StreamArn'] }.
    const source = exported[p.EventSourceArn?.['Fn::ImportValue']] as { 'Fn::GetAtt'?: [string, string] } | undefined;
    const [tableLogicalId, attribute] = source?.['Fn::GetAtt'] ?? [];
    const tableName = tableLogicalId ? data.Resources[tableLogicalId]?.Properties?.TableName : undefined;
    // An alias appears as `<name>:live` built from its ARN: { Fn::Join: ['', [{ Fn::Select: [6, { Fn::Split: [':', { Ref: alias }] }] }, ':live']] }.
    const aliasRef = /"Ref":"(\w+)"/.exec(JSON.stringify(p.FunctionName ?? {}))?.[1];
    const handlerId = handlerIds[p.FunctionName?.Ref ?? aliasRef ?? ''];
    if (attribute !== 'StreamArn' || typeof tableName !== 'string' || !handlerId) {
      throw new Error(`The local cloud runs event source mappings on table streams only; cannot run ${id}`);
    }
    return {
      id,
      handlerId,
      tableName,
      startingPosition: p.StartingPosition,
      batchSize: p.BatchSize ?? 100,
      maxBatchingWindowMs: (p.MaximumBatchingWindowInSeconds ?? 0) * 1000,
      filters: (p.FilterCriteria?.Filters ?? []).map((f: { Pattern: string }) => JSON.parse(f.Pattern)),
      bisectBatchOnError: p.BisectBatchOnFunctionError ?? false,
      reportBatchItemFailures: (p.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
      maxRetryAttempts: p.MaximumRetryAttempts ?? -1,
      hasFailureDestination: Boolean(p.DestinationConfig?.OnFailure?.Destination),
    };
  });
}
