import { describe, expect, it } from 'vitest';

/**
 * Every bilingual validation message is registered by its English text (forms/messages.ts), and two
 * messages sharing one English text throw — at module load, or when a schema is built per request
 * (the registry's counsellor schemas take today's date). A clash between modules that are never loaded
 * together in one test file would first show as a 500 in the API, where every handler's modules meet;
 * so this test loads every schema-building module at once and builds every schema.
 */
describe('the message catalogue', () => {
  it('holds every schema of the forms, the registry, the review, the offers, the sessions and the screening answers without two texts clashing', async () => {
    const build = async () => {
      const forms = await import('../../../forms');
      const registry = await import('../../../functions/providers/registry-schema');
      await import('../../../functions/review/decision-body');
      await import('../../../functions/matching/offer');
      const { sessionRecordBody } = await import('../../../functions/service-period/session');
      for (const body of [{ outcome: 'held', on: '2026-01-01' }, { outcome: 'cancelled', on: '2026-01-01' }, { outcome: 'rescheduled', on: '2026-01-01', rescheduledTo: '2025-01-01' }]) {
        sessionRecordBody.safeParse(body);
      }
      await import('../../../functions/screening/answers');
      for (const programme of forms.programmes) programme.schemaOn(new Date('2026-11-27T03:00:00Z'));
      registry.counsellorCreateSchema('2026-11-27');
      registry.counsellorUpdateSchema('2026-11-27');
    };
    await expect(build()).resolves.toBeUndefined();
  });
});
