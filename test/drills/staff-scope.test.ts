/**
 * Drill (issue 6, item 8): a caseworker for 종로구 calls Cognito's `UpdateUserAttributes` with their own
 * access token and `custom:districts=11110,11440`, then reads 마포구's cases. Cognito refuses the write
 * only if the console's app client does not list the attribute among its WriteAttributes: the
 * synthesized template must say so in every environment.
 */
import { describe, expect, it } from 'vitest';
import { stageNames } from '../../infra/config';
import { staffUserPool } from '../support/staff-pool';

describe('staff cannot widen their own districts', () => {
  it.each(stageNames)('the %s console client may not write custom:districts, and its tokens still carry it', (stage) => {
    const { client } = staffUserPool(stage);
    expect(client.writeAttributes, 'no WriteAttributes means every attribute is writable').toBeDefined();
    expect(client.writeAttributes).not.toHaveLength(0);
    expect(client.writeAttributes).not.toContain('custom:districts');
    expect(client.readAttributes).toContain('custom:districts');
  });
});

describe('provider staff cannot move themselves to another agency', () => {
  it.each(stageNames)('the %s console client may not write custom:agency, and its tokens still carry it', (stage) => {
    const { client } = staffUserPool(stage);
    expect(client.writeAttributes).toBeDefined();
    expect(client.writeAttributes).not.toContain('custom:agency');
    expect(client.readAttributes).toContain('custom:agency');
  });
});
