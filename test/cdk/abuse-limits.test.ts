import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { environments, stageNames } from '../../infra/config';
import { synthesize } from '../../infra/synth';

describe.each(stageNames)('abuse limits in %s', (stage) => {
  const { app } = synthesize(stage);
  const config = environments[stage];
  const resources = Object.values(app.Resources);

  it('throttles every route, and the submission and citizen lookup routes more strictly', () => {
    const stageProps = resources.find((r) => r.Type === 'AWS::ApiGatewayV2::Stage')!.Properties!;
    expect(stageProps.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: config.throttles.default.rateLimit, ThrottlingBurstLimit: config.throttles.default.burstLimit });
    const settings = stageProps.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    expect(settings['POST /api/applications']).toEqual({ ThrottlingRateLimit: config.throttles.submission.rateLimit, ThrottlingBurstLimit: config.throttles.submission.burstLimit });
    for (const key of ['POST /api/applications/lookup', 'GET /api/applications/{applicationId}', 'POST /api/applications/{applicationId}/withdrawal']) {
      expect(settings[key], key).toEqual({ ThrottlingRateLimit: config.throttles.citizenLookup.rateLimit, ThrottlingBurstLimit: config.throttles.citizenLookup.burstLimit });
    }
    // Every key names a route that exists.
    for (const key of Object.keys(settings)) expect(routes.map((r) => `${r.method} ${r.path}`)).toContain(key);
    expect(config.throttles.submission.rateLimit).toBeLessThan(config.throttles.default.rateLimit);
  });

  it(`reserves concurrency for the workflow's functions only (${config.workflowReservedConcurrency ?? 'none'} each)`, () => {
    const routed = new Set(routes.map((r) => r.handler as string));
    for (const fn of resources.filter((r) => r.Type === 'AWS::Lambda::Function')) {
      const handler = fn.Properties!.Environment.Variables.DOLBOM_HANDLER as string;
      const expected = routed.has(handler) ? undefined : config.workflowReservedConcurrency;
      expect(fn.Properties!.ReservedConcurrentExecutions, handler).toBe(expected);
    }
  });
});

describe('reserved concurrency', () => {
  it('is set in prod for the steps and the stream triggers', () => {
    expect(environments.prod.workflowReservedConcurrency).toBeGreaterThan(0);
    const prod = Object.values(synthesize('prod').app.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    const reserved = prod.filter((r) => r.Properties!.ReservedConcurrentExecutions).map((r) => r.Properties!.Environment.Variables.DOLBOM_HANDLER);
    expect(reserved).toEqual(expect.arrayContaining(['checkEligibility', 'openHumanTask', 'fillWaitlist', 'startStoredApplication']));
    expect(reserved).not.toContain('submitApplication');
  });
});
