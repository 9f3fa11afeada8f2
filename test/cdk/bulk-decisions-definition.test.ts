import { describe, expect, it } from 'vitest';
import { synthesize } from '../../infra/synth';
import { stateMachines } from '../../infra/local/template';
import { RETRYABLE_ERROR } from '../../functions/commons/transient-errors';
import { BULK_MAX_TASKS } from '../../functions/bulk-decisions/bulk-body';
import { BULK_MAX_CONCURRENCY } from '../../workflows/bulk-decisions';

const templates = synthesize('dev');
const machine = stateMachines(templates.data, templates.app).find((m) => m.name === 'dolbom-dev-bulk-decisions');
const definition = machine?.definition as { StartAt: string; States: Record<string, Record<string, any>> };

describe('the bulk decisions state machine', () => {
  it('is one of the machines the local cloud registers from the synthesized template', () => {
    expect(machine).toBeDefined();
  });

  it('decides the cases a few at a time from task ids only, then finishes the job', () => {
    // First the correlation id (workflows/correlation.ts), then the Map.
    expect(definition.StartAt).toBe('HasCorrelationId');
    expect(definition.States.KeepCorrelationId!.Next).toBe('DecideEachCase');
    expect(definition.States.NameCorrelationId!.Next).toBe('DecideEachCase');
    const each = definition.States.DecideEachCase!;
    expect(each.Type).toBe('Map');
    expect(each.MaxConcurrency).toBe(BULK_MAX_CONCURRENCY);
    expect(each.ItemsPath).toBe('$.taskIds');
    // Each iteration gets two ids and the correlation id, never a case: the payload stays far below 256 KB.
    expect(each.ItemSelector).toEqual({ 'jobId.$': '$.jobId', 'taskId.$': '$$.Map.Item.Value', 'correlationId.$': '$.trace.correlationId' });
    expect(each.ResultPath).toBeNull();
    expect(each.Next).toBe('FinishBulkJob');
    expect(each.Catch.map((c: { Next: string }) => c.Next)).toEqual(['FinishBulkJob']);
    expect(BULK_MAX_TASKS).toBeLessThanOrEqual(100);
  });

  it('retries a case on transient errors, and leaves it for the end (never stopping the others) when it keeps failing', () => {
    const processor = definition.States.DecideEachCase!.ItemProcessor;
    const decide = processor.States[processor.StartAt];
    expect(processor.StartAt).toBe('DecideOneCase');
    expect(String(decide.Resource)).toContain(':lambda:');
    expect(JSON.stringify(decide.Parameters.Payload)).toBe(JSON.stringify({ 'jobId.$': '$.jobId', 'taskId.$': '$.taskId', 'correlationId.$': '$.correlationId' }));
    expect(decide.Retry[0].ErrorEquals).toContain(RETRYABLE_ERROR);
    expect(decide.Retry[0].JitterStrategy).toBe('FULL');
    expect(decide.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'CaseLeftPending' })]);
  });

  it('is valid Amazon States Language (asl-validator)', async () => {
    const { default: aslValidator } = await import('asl-validator');
    const { isValid, errorsText } = aslValidator(definition as never);
    expect(isValid, errorsText()).toBe(true);
  });
});
