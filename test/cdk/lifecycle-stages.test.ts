import { describe, expect, it } from 'vitest';
import { stateMachines } from '../../infra/local/template';
import { synthesize } from '../../infra/synth';
import { stageOfState, stages } from '../../functions/lifecycle/stages';

const templates = synthesize('dev');
const [lifecycle] = stateMachines(templates.data, templates.app);
const definition = lifecycle!.definition as { States: Record<string, { Type: string }> };
const inDefinition = Object.keys(definition.States).sort();

describe('the lifecycle stages (functions/lifecycle/stages.ts)', () => {
  it('give every state of the synthesized state machine a stage, or the failure path', () => {
    const unmapped = inDefinition.filter((name) => !Object.hasOwn(stageOfState, name));
    expect(unmapped, 'states of workflows/lifecycle.ts with no stage in functions/lifecycle/stages.ts').toEqual([]);
  });

  it('name no state the definition does not have', () => {
    const stale = Object.keys(stageOfState).filter((name) => !inDefinition.includes(name));
    expect(stale, 'names in functions/lifecycle/stages.ts that workflows/lifecycle.ts no longer defines').toEqual([]);
  });

  it('leave no stage without a state, and send only the failure path to no stage', () => {
    const used = new Set(Object.values(stageOfState));
    for (const stage of stages.filter((s) => s !== 'submission')) expect(used.has(stage), stage).toBe(true);
    const failures = Object.entries(stageOfState).filter(([, stage]) => stage === 'failure').map(([name]) => name).sort();
    expect(failures).toEqual(['RecordWorkflowFailure', 'WorkflowFailed']);
    expect(definition.States.WorkflowFailed!.Type).toBe('Fail');
  });

  it('put the start, the decisions and the ends where the lifecycle reads them', () => {
    expect(stageOfState.RouteByPeriod).toBe('submission');
    expect(stageOfState.CheckEligibility).toBe('eligibility');
    expect(stageOfState.AwaitSupplement).toBe('review');
    expect(stageOfState.WaitForPlace).toBe('matching');
    expect(stageOfState.AwaitServicePeriod).toBe('service');
    expect(stageOfState.StartNextPeriod).toBe('reassessment');
    expect([stageOfState.Rejected, stageOfState.Closed]).toEqual(['closure', 'closure']);
  });
});
