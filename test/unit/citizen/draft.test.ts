import { describe, expect, it } from 'vitest';
import { getProgramme } from '../../../forms';
import { clearDraft, draftAnswers, draftKey, keptInDraft, loadDraft, saveDraft } from '../../../web/src/citizen/draft';
import { childExample, parentExample } from '../../support/answers';

/** An in-memory localStorage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const child = getProgramme('child-adolescent');
const parent = getProgramme('parent');
const at = new Date('2026-03-15T06:30:00Z');

describe('a draft', () => {
  it('never holds the resident registration number, health answers or consents', () => {
    const storage = memoryStorage();
    saveDraft(storage, child, 'household', childExample, at);
    const stored = storage.items.get(draftKey('child-adolescent'))!;
    expect(stored).not.toContain(childExample.rrn);
    expect(stored).not.toMatch(/"rrn"|serviceType|needEvidence|consent|play-therapy|doctor-opinion/);
    expect(JSON.parse(stored)).toEqual({
      programme: 'child-adolescent',
      savedAt: '2026-03-15T06:30:00.000Z',
      step: 'household',
      answers: {
        applicant: childExample.applicant,
        relationToChild: 'parent',
        child: childExample.child,
        household: childExample.household,
      },
    });
  });

  it('keeps the items of a repeated section, without their health answers', () => {
    const kept = draftAnswers(parent, parentExample);
    expect(kept.children).toEqual([{ birthDate: '2019-05-01', relation: 'child' }]);
    expect(kept).not.toHaveProperty('rrn');
    expect(kept).not.toHaveProperty('childEmotionalProblem');
    expect(kept).not.toHaveProperty('ownEmotionalProblem');
  });

  it('marks as not kept exactly the registration number, the sensitive fields and the consents', () => {
    const dropped = child.sections.flatMap((s) => s.fields).filter((f) => !keptInDraft(f)).map((f) => f.name);
    expect(dropped.sort()).toEqual(['consent.general.agreed', 'consent.sensitive.agreed', 'needEvidence.issuedOn', 'needEvidence.kind', 'rrn', 'serviceType']);
  });

  it('is restored as saved, and gone once cleared', () => {
    const storage = memoryStorage();
    saveDraft(storage, child, 'service', childExample, at);
    expect(loadDraft(storage, child)).toMatchObject({ step: 'service', savedAt: at.toISOString(), answers: { child: { name: '이하준' } } });
    expect(loadDraft(storage, parent)).toBeUndefined();
    clearDraft(storage, child);
    expect(loadDraft(storage, child)).toBeUndefined();
  });

  it('reads a stored draft through the same allow-list: a registration number put there by hand is left out', () => {
    const storage = memoryStorage();
    storage.setItem(draftKey('child-adolescent'), JSON.stringify({ programme: 'child-adolescent', savedAt: at.toISOString(), step: 'child', answers: { rrn: childExample.rrn, child: { name: '이하준' }, extra: 1 } }));
    expect(loadDraft(storage, child)?.answers).toEqual({ child: { name: '이하준' } });
  });

  it('is simply not there when storage is blocked or holds something else', () => {
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(saveDraft(blocked, child, 'child', childExample, at)).toBeUndefined();
    expect(loadDraft(blocked, child)).toBeUndefined();
    const storage = memoryStorage();
    storage.setItem(draftKey('child-adolescent'), 'not json');
    expect(loadDraft(storage, child)).toBeUndefined();
    expect(loadDraft(undefined, child)).toBeUndefined();
  });
});
