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
