import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');

/** Every module of functions/ and forms/ that registers a message: found by reading, so a new one is never missed. */
function modulesRegisteringMessages(): string[] {
  return ['functions', 'forms'].flatMap((dir) =>
    (readdirSync(join(root, dir), { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && /\bmessage\(\s*'/.test(readFileSync(join(root, dir, file), 'utf8')))
      .map((file) => join(root, dir, file)),
  );
}

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
      const { sessionRecordBody } = await import('../../../functions/service-period/session-body');
      for (const body of [{ outcome: 'held', on: '2026-01-01' }, { outcome: 'cancelled', on: '2026-01-01' }, { outcome: 'rescheduled', on: '2026-01-01', rescheduledTo: '2025-01-01' }]) {
        sessionRecordBody.safeParse(body);
      }
      await import('../../../functions/screening/answers');
      for (const file of modulesRegisteringMessages()) await import(/* @vite-ignore */ file);
      for (const programme of forms.programmes) programme.schemaOn(new Date('2026-11-27T03:00:00Z'));
      registry.counsellorCreateSchema('2026-11-27');
      registry.counsellorUpdateSchema('2026-11-27');
    };
    await expect(build()).resolves.toBeUndefined();
  });

  it('finds the modules it loads by reading the code', () => {
    const found = modulesRegisteringMessages().map((file) => relative(root, file));
    expect(found).toEqual(expect.arrayContaining(['functions/matching/offer.ts', 'functions/closure/closing-reasons.ts', 'functions/review/decision-note.ts']));
  });
});
