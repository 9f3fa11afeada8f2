import { describe, expect, it } from 'vitest';
import { stageNames } from '../../infra/config';
import { synthesize, type Template } from '../../infra/synth';

/**
 * CloudFormation refuses a template of more than 500 resources (and 200 outputs) at deploy time,
 * long after synth succeeded: hold every stack, nested ones included, to the limit here. A stack
 * near it should be split (as the alarms went into a nested stack) before the next feature lands.
 */
const RESOURCE_LIMIT = 500;
const OUTPUT_LIMIT = 200;

describe.each(stageNames)('CloudFormation limits (%s)', (stage) => {
  const stacks = synthesize(stage) as unknown as Record<string, Template>;

  it.each(Object.keys(stacks))('keeps the %s template within 500 resources and 200 outputs', (name) => {
    const template = stacks[name]!;
    const resources = Object.keys(template.Resources).length;
    console.log(`${stage} ${name}: ${resources} resources`);
    expect(resources).toBeLessThanOrEqual(RESOURCE_LIMIT);
    expect(Object.keys(template.Outputs ?? {}).length).toBeLessThanOrEqual(OUTPUT_LIMIT);
  });
});

/**
 * Lambda refuses a function whose environment variables take more than 4 KB (names and values), again
 * only at deploy time. Values CloudFormation resolves at deploy (an ARN, a table name) are counted at
 * a generous 200 characters each; the rest as written.
 */
const ENVIRONMENT_LIMIT = 4 * 1024;
const RESOLVED_VALUE_ESTIMATE = 200;

describe.each(stageNames)('Lambda environment size (%s)', (stage) => {
  const stacks = synthesize(stage) as unknown as Record<string, Template>;
  const functions = Object.values(stacks).flatMap((template) =>
    Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::Lambda::Function'),
  );

  it('keeps every function within 4 KB of environment variables', () => {
    expect(functions.length).toBeGreaterThan(0);
    const sizes = functions.map(([id, resource]) => {
      const variables: Record<string, unknown> = resource.Properties?.Environment?.Variables ?? {};
      const bytes = Object.entries(variables).reduce(
        (sum, [name, value]) => sum + Buffer.byteLength(name) + (typeof value === 'string' ? Buffer.byteLength(value) : RESOLVED_VALUE_ESTIMATE),
        0,
      );
      return { id, bytes };
    });
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`${stage}: largest function environment ${largest.bytes} bytes (${largest.id})`);
    expect(sizes.filter((s) => s.bytes > ENVIRONMENT_LIMIT)).toEqual([]);
  });
});
