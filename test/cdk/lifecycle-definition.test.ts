import { describe, expect, it } from 'vitest';
import { synthesize } from '../../infra/synth';
import { stateMachines } from '../../infra/local/template';
import { handlers } from '../../functions/catalog';
import { RETRYABLE_ERROR } from '../../functions/commons/transient-errors';
import { routes } from '../../functions/routes';
import { LONGEST_WAIT_DAYS } from '../../functions/service-period/plan';
import { retryDelayMs, type Retrier } from '../../workflows/local/retry';

const templates = synthesize('dev');
const lifecycle = stateMachines(templates.data, templates.app).find((m) => m.name.endsWith('-lifecycle'));
const definition = lifecycle!.definition as { StartAt: string; States: Record<string, Record<string, any>>; QueryLanguage?: string };
const states = Object.entries(definition.States);
const lambdaTasks = states.filter(([, s]) => s.Type === 'Task' && String(s.Resource).includes(':lambda:'));
const callbacks = states.filter(([, s]) => s.Type === 'Task' && String(s.Resource).endsWith('.waitForTaskToken'));

describe('the lifecycle state machine', () => {
  it('has every stage of the lifecycle as a real state', () => {
    for (const name of ['CheckEligibility', 'CaseManagerReview', 'MatchProvider', 'ProviderOffer', 'RecordOfferAnswer', 'WaitForPlace', 'AwaitServicePeriod', 'CheckServicePeriod', 'Reassessment', 'StartNextPeriod', 'Closure', 'RejectApplication']) {
      expect(definition.States, name).toHaveProperty(name);
    }
  });

  it('gives every callback state a timeout and a catch, and every wait for a person a heartbeat shorter than it', () => {
    expect(callbacks.map(([name]) => name).sort()).toEqual(['AwaitServicePeriod', 'AwaitSupplement', 'CaseManagerReview', 'ProviderOffer', 'Reassessment', 'WaitForPlace']);
    // The citizen's supplement: their deadline is the timeout (a citizen sends no heartbeat); unanswered, it lapses.
    const supplement = definition.States.AwaitSupplement!;
    expect(supplement.TimeoutSeconds).toBe(14 * 24 * 60 * 60);
    expect(supplement.HeartbeatSeconds).toBeUndefined();
    expect((supplement.Catch as { ErrorEquals: string[]; Next: string }[]).find((c) => c.ErrorEquals.includes('States.Timeout'))?.Next).toBe('LapseSupplement');
    expect((supplement.Catch as { ErrorEquals: string[]; Next: string }[]).find((c) => c.ErrorEquals.includes('States.ALL'))?.Next).toBe('RecordWorkflowFailure');
    expect(JSON.stringify(supplement.Parameters)).toContain('"taskToken.$":"$$.Task.Token"');
    expect(supplement.Next).toBe('CaseManagerReview');
    expect(definition.States.LapseSupplement!.Next).toBe('CaseManagerReview');
    const waitlist = definition.States.WaitForPlace!;
    expect(waitlist.TimeoutSeconds).toBeGreaterThan(0);
    expect((waitlist.Catch as { ErrorEquals: string[]; Next: string }[]).find((c) => c.ErrorEquals.includes('States.Timeout'))?.Next).toBe('ContinueMatching');
    // The service period's wait ends at the period's end, a number the step before computes.
    const period = definition.States.AwaitServicePeriod!;
    expect(period.TimeoutSecondsPath).toBe('$.servicePeriod.result.waitSeconds');
    expect((period.Catch as { ErrorEquals: string[]; Next: string }[]).find((c) => c.ErrorEquals.includes('States.Timeout'))?.Next).toBe('CheckServicePeriod');
    for (const [name, state] of callbacks.filter(([name]) => !['WaitForPlace', 'AwaitServicePeriod', 'AwaitSupplement'].includes(name))) {
      expect(state.TimeoutSeconds, name).toBeGreaterThan(0);
      expect(state.HeartbeatSeconds, name).toBeGreaterThan(0);
      expect(state.HeartbeatSeconds, name).toBeLessThan(state.TimeoutSeconds);
      const caught = (state.Catch as { ErrorEquals: string[] }[]).flatMap((c) => c.ErrorEquals);
      expect(caught, name).toEqual(expect.arrayContaining(['States.Timeout', 'States.HeartbeatTimeout', 'States.ALL']));
      expect(JSON.stringify(state.Parameters), name).toContain('"taskToken.$":"$$.Task.Token"');
    }
  });

  it('retries every transient error with backoff and full jitter on every Lambda task', () => {
    expect(lambdaTasks.length).toBeGreaterThanOrEqual(10);
    for (const [name, state] of lambdaTasks) {
      const retry = (state.Retry as Record<string, any>[] | undefined)?.find((r) => r.ErrorEquals.includes(RETRYABLE_ERROR));
      expect(retry, name).toBeDefined();
      expect(retry!.ErrorEquals, name).toEqual(
        expect.arrayContaining([
          'Lambda.ClientExecutionTimeoutException',
          'Lambda.ServiceException',
          'Lambda.AWSLambdaException',
          'Lambda.SdkClientException',
          'Lambda.TooManyRequestsException',
          'Sandbox.Timedout',
          RETRYABLE_ERROR,
        ]),
      );
      expect(retry!.ErrorEquals, name).not.toContain('States.ALL');
      expect(retry!.JitterStrategy, name).toBe('FULL');
      expect(retry!.BackoffRate, name).toBeGreaterThan(1);
      expect(retry!.MaxAttempts, name).toBeGreaterThanOrEqual(3);
      expect(retry!.MaxDelaySeconds, name).toBeGreaterThan(0);
    }
  });

  it('is paced the same by the local engine: up to 2, 4, 8, 16, 32 and 60 s, drawn from zero (full jitter)', () => {
    const retry = (definition.States.CheckEligibility!.Retry as Retrier[]).find((r) => r.ErrorEquals.includes(RETRYABLE_ERROR))!;
    const halfway = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(retry, attempt, halfway))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000]);
    expect(retryDelayMs(retry, 1, () => 0)).toBe(0);
  });

  it('sends every unexpected step failure to the failure recorder, so nothing fails silently', () => {
    for (const [name, state] of lambdaTasks.filter(([n]) => n !== 'RecordWorkflowFailure')) {
      const catchAll = (state.Catch as { ErrorEquals: string[]; Next: string }[] | undefined)?.find((c) => c.ErrorEquals.includes('States.ALL'));
      expect(catchAll?.Next, name).toBe('RecordWorkflowFailure');
    }
  });

  it('is JSONPath only: no JSONata, no Assign (the local engine runs neither)', () => {
    const text = JSON.stringify(definition);
    expect(definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    expect(text).not.toMatch(/"QueryLanguage":"JSONata"|"Assign"|"Arguments"|"Output"|\{%/);
  });

  it('waits for a place and for the period on callbacks, never on a timed loop', () => {
    const waits = Object.entries(definition.States).filter(([, state]) => state.Type === 'Wait').map(([name]) => name);
    expect(waits).toEqual([]);
    expect(definition.States.PlaceReserved!.Default).toBe('WaitForPlace');
    expect(definition.States.WaitForPlace!.Next).toBe('MatchProvider');
  });

  it('routes a continuing execution to the wait it continues, a reopened application to its review, a resumed one to where it failed, and an extension (period > 1) straight to its service period', () => {
    const start = definition.States.RouteByPeriod!;
    expect(start.Type).toBe('Choice');
    expect(start.Choices[0]).toMatchObject({ And: [{ Variable: '$.resume', IsPresent: true }, { Variable: '$.resume', StringEquals: 'service' }], Next: 'ResumeServicePeriod' });
    expect(start.Choices[1]).toMatchObject({ And: [{ Variable: '$.resume', IsPresent: true }, { Variable: '$.resume', StringEquals: 'matching' }], Next: 'MatchProvider' });
    expect(start.Choices[2]).toMatchObject({ And: [{ Variable: '$.resume', IsPresent: true }, { Variable: '$.resume', StringEquals: 'review' }], Next: 'CaseManagerReview' });
    expect(start.Choices[3]).toMatchObject({ And: [{ Variable: '$.resume', IsPresent: true }, { Variable: '$.resume', StringEquals: 'reassessment' }], Next: 'Reassessment' });
    // Only an operator's resume of a failed application (functions/lifecycle/resume.ts) starts at these two.
    expect(start.Choices[4]).toMatchObject({ And: [{ Variable: '$.resume', IsPresent: true }, { Variable: '$.resume', StringEquals: 'service-start' }], Next: 'StartServicePeriod' });
    expect(start.Choices[5]).toMatchObject({ And: [{ Variable: '$.resume', IsPresent: true }, { Variable: '$.resume', StringEquals: 'closure' }], Next: 'Closure' });
    expect(start.Choices[6]).toMatchObject({ Variable: '$.period', NumericGreaterThan: 1, Next: 'StartServicePeriod' });
    expect(start.Default).toBe('CheckEligibility');
  });

  it("gives the failure recorder the failed execution's name, which is always there, so a resume can name the next", () => {
    expect(definition.States.RecordWorkflowFailure!.Parameters?.Payload).toMatchObject({ 'execution.$': '$$.Execution.Name', 'error.$': '$.failure' });
  });

  it('first keeps the correlation id of the request that started it, or names one after the execution, then routes', () => {
    const first = definition.States[definition.StartAt]!;
    expect(definition.StartAt).toBe('HasCorrelationId');
    expect(first.Choices).toEqual([{ Variable: '$.correlationId', IsPresent: true, Next: 'KeepCorrelationId' }]);
    expect(first.Default).toBe('NameCorrelationId');
    expect(definition.States.KeepCorrelationId).toMatchObject({ Parameters: { 'correlationId.$': '$.correlationId' }, ResultPath: '$.trace', Next: 'RouteByPeriod' });
    expect(definition.States.NameCorrelationId).toMatchObject({ Parameters: { 'correlationId.$': '$$.Execution.Name' }, ResultPath: '$.trace', Next: 'RouteByPeriod' });
  });

  it('gives every Lambda step the correlation id, so each handler logs it', () => {
    const lambdaTasks = Object.entries(definition.States).filter(([, state]) => state.Type === 'Task');
    expect(lambdaTasks.length).toBeGreaterThan(15);
    for (const [name, state] of lambdaTasks) {
      expect(state.Parameters?.Payload?.['correlationId.$'], name).toBe('$.trace.correlationId');
    }
  });

  it('opens a fresh task after an escalation in this execution only while it fits the year, else in the next execution', () => {
    const YEAR = 365 * 86_400;
    for (const [name, kind] of [['CaseManagerReview', 'review'], ['Reassessment', 'reassessment']] as const) {
      const escalate = definition.States[`Escalate${name}`]!;
      const payload = escalate.Parameters.Payload;
      expect(payload, name).toMatchObject({ kind, 'executionStartedAt.$': '$$.Execution.StartTime', nextTaskSeconds: definition.States[name]!.TimeoutSeconds });
      // Room is left in the year for a fresh task and what follows it.
      expect(payload.nextTaskSeconds + payload.thenSeconds, name).toBeLessThan(YEAR);
      const fits = definition.States[escalate.Next]!;
      expect(fits.Type).toBe('Choice');
      expect(fits.Choices).toEqual([{ Variable: '$.escalation.result.freshTaskFits', BooleanEquals: true, Next: name }]);
      expect(fits.Default).toBe(`Continue${name}`);
      const handOver = definition.States[`Continue${name}`]!;
      expect(handOver.Parameters.Payload).toMatchObject({ resume: kind, 'handover.$': '$.handover' });
      expect(definition.States[handOver.Next]!.Type).toBe('Succeed');
    }
    // After a review the execution may still make offers, wait on the waiting list, wait on the period
    // (at most LONGEST_WAIT_DAYS) and hold a re-assessment: all of that is in the review's budget.
    const review = definition.States.EscalateCaseManagerReview!.Parameters.Payload;
    const offerDays = definition.States.ProviderOffer!.TimeoutSeconds / 86_400;
    const waitlistDays = definition.States.WaitForPlace!.TimeoutSeconds / 86_400;
    const reassessmentDays = definition.States.Reassessment!.TimeoutSeconds / 86_400;
    expect(review.thenSeconds / 86_400).toBeGreaterThanOrEqual(offerDays + waitlistDays + LONGEST_WAIT_DAYS + reassessmentDays);
  });

  it('continues long waits in a new execution: the waiting list at its recheck, a period past the longest wait', () => {
    expect(definition.States.ContinueMatching!.Next).toBe('MatchingContinued');
    expect(definition.States.ServicePeriodOver!.Default).toBe('ContinueServicePeriod');
    expect(definition.States.ContinueServicePeriod!.Next).toBe('ServicePeriodContinued');
    for (const name of ['ContinueMatching', 'ContinueServicePeriod']) {
      expect(JSON.stringify(definition.States[name]!.Parameters), name).toContain('"handover.$":"$.handover"');
    }
  });

  it('reaches every state from the start', () => {
    const reached = new Set<string>();
    const visit = (name: string) => {
      if (reached.has(name)) return;
      reached.add(name);
      const s = definition.States[name]!;
      const next = [s.Next, s.Default, ...(s.Choices ?? []).map((c: { Next: string }) => c.Next), ...(s.Catch ?? []).map((c: { Next: string }) => c.Next)];
      next.filter(Boolean).forEach(visit);
    };
    visit(definition.StartAt);
    expect([...reached].sort()).toEqual(Object.keys(definition.States).sort());
  });

  it('is valid Amazon States Language (asl-validator)', async () => {
    const { default: aslValidator } = await import('asl-validator');
    const { isValid, errorsText } = aslValidator(definition as never);
    expect(isValid, errorsText('\n')).toBe(true);
  });
});

describe('the HTTP API', () => {
  const apiRoutes = Object.values(templates.app.Resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');

  it('has exactly the routes of functions/routes.ts, staff routes behind the JWT authorizer', () => {
    const keys = apiRoutes.map((r) => r.Properties!.RouteKey).sort();
    expect(keys).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of apiRoutes) {
      const declared = routes.find((r) => `${r.method} ${r.path}` === route.Properties!.RouteKey)!;
      expect(route.Properties!.AuthorizationType, route.Properties!.RouteKey).toBe(declared.access === 'public' ? 'NONE' : 'JWT');
    }
  });

  it("lets browsers of the allowed origins use every method of the route list (CORS preflight)", () => {
    const [api] = Object.values(templates.app.Resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Api');
    const allowed: string[] = api!.Properties!.CorsConfiguration.AllowMethods;
    expect([...new Set(routes.map((r) => r.method))].filter((m) => !allowed.includes(m))).toEqual([]);
  });

  it('builds one Node.js 22 arm64 function per catalog entry', () => {
    const functions = Object.values(templates.app.Resources).filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Environment?.Variables?.DOLBOM_HANDLER);
    expect(functions.map((f) => f.Properties!.Environment.Variables.DOLBOM_HANDLER).sort()).toEqual(Object.keys(handlers).sort());
    for (const f of functions) {
      expect(f.Properties!.Runtime).toBe('nodejs22.x');
      expect(f.Properties!.Architectures).toEqual(['arm64']);
    }
  });
});
