import type { Stage } from '../../infra/config';
import { synthesize } from '../../infra/synth';

export interface StaffUserPool {
  /** What the console's tokens may read, and what a signed-in user may write with `UpdateUserAttributes`. */
  client: { readAttributes?: string[]; writeAttributes?: string[] };
  /** Custom attributes by claim name (`custom:…`). */
  customAttributes: string[];
}

/**
 * The staff user pool and its console client as synthesized. A client without `WriteAttributes`
 * lets users write every mutable attribute of their own, custom ones included.
 */
export function staffUserPool(stage: Stage): StaffUserPool {
  const resources = Object.values(synthesize(stage).data.Resources);
  const clients = resources.filter((r) => r.Type === 'AWS::Cognito::UserPoolClient');
  const pools = resources.filter((r) => r.Type === 'AWS::Cognito::UserPool');
  if (clients.length !== 1 || pools.length !== 1) throw new Error(`expected one user pool and one client, found ${pools.length} and ${clients.length}`);
  const client = clients[0]!.Properties ?? {};
  const schema = (pools[0]!.Properties?.Schema ?? []) as { Name: string }[];
  return {
    client: { readAttributes: client.ReadAttributes, writeAttributes: client.WriteAttributes },
    customAttributes: schema.map((s) => `custom:${s.Name}`),
  };
}
