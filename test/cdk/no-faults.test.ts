import { afterAll, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../functions/catalog';
import { FAULTS_VARIABLE } from '../../functions/commons/faults';
import { stageNames } from '../../infra/config';
import { synthesize, type Template } from '../../infra/synth';

/**
 * Fault injection (functions/commons/faults.ts) is for drills on a developer's machine. No stage's
 * template may give a function DOLBOM_FAULTS — not even when the shell that synthesizes has it set,
 * as a drill's would — so faults reach AWS only by someone setting the variable on a function by hand,
 * and in prod the handlers refuse to start then.
 */
describe('fault injection in the CDK app', () => {
  vi.stubEnv(FAULTS_VARIABLE, 'rate=0.2;kinds=exception,latency,throttle,conflict;seed=1');
  afterAll(() => vi.unstubAllEnvs());

  describe.each(stageNames)('%s', (stage) => {
    const templates = synthesize(stage);

    it('sets DOLBOM_FAULTS on no function, though the shell that synthesized had it', () => {
      const functions = Object.values(templates)
        .flatMap((template: Template) => Object.entries(template.Resources))
        .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function');
      const dolbom = functions.filter(([, fn]) => fn.Properties?.Environment?.Variables?.DOLBOM_HANDLER);
      expect(dolbom).toHaveLength(Object.keys(handlers).length);
      for (const [id, fn] of functions) expect(Object.keys(fn.Properties?.Environment?.Variables ?? {}), id).not.toContain(FAULTS_VARIABLE);
      // Nor anywhere else in any template (a custom resource, a state machine's payload, an output).
      expect(JSON.stringify(templates)).not.toContain(FAULTS_VARIABLE);
    });
  });
});
