import { describe, expect, it } from 'vitest';
import { extensionRefused } from '../../../functions/reassessment/extension-refusal';

describe('extensionRefused', () => {
  it('lets an extension within the cap through', () => {
    expect(extensionRefused({ programme: 'child-adolescent', period: 1 })).toBeUndefined();
    expect(extensionRefused({ programme: 'youth', period: 3 })).toBeUndefined();
  });

  it('answers 409 on `decision` with the reason in Korean and English at the cap', () => {
    const refused = extensionRefused({ programme: 'child-adolescent', period: 2 })!;
    expect(refused.status).toBe(409);
    const body = refused.toBody().error;
    expect(body.code).toBe('extension-cap-reached');
    expect(body.fields).toEqual([{ field: 'decision', code: 'extension-cap-reached', message: body.message }]);
    expect(body.message.ko).toContain('24개월');
    expect(body.message.en).toContain('Close the case instead');
    expect(extensionRefused({ programme: 'youth', period: 4 })?.status).toBe(409);
    expect(extensionRefused({ programme: 'parent', period: 2 })?.status).toBe(409);
  });
});
