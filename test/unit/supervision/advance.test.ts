import { beforeEach, describe, expect, it, vi } from 'vitest';
import { seoulIsoDate } from '../../../forms/dates';
import type { SupervisionRequest } from '../../../functions/supervision/supervision';

// The store, faked: what a second supervisor's conditional write meets when the first got there first.
const store = vi.hoisted(() => ({ stored: undefined as unknown, moves: [] as unknown[], failNext: false }));
vi.mock('../../../functions/supervision/supervision-store', () => {
  class SupervisionChanged extends Error {}
  return {
    SupervisionChanged,
    getSupervision: async () => store.stored,
    moveSupervision: async (next: unknown) => {
      if (store.failNext) {
        store.failNext = false;
        throw new SupervisionChanged();
      }
      store.moves.push(next);
      store.stored = next;
    },
  };
});

const { advanceSupervision } = await import('../../../functions/supervision/advance');
const { planAcceptance } = await import('../../../functions/supervision/supervision');

const APP = 'A0123456789ABCDEFGHJKMNPQR';
const actor = (userId: string) => ({ kind: 'staff' as const, userId, groups: ['supervisor'] });
const open: SupervisionRequest = {
  requestId: `${APP}-S1`,
  applicationId: APP,
  sequence: 1,
  receiptNumber: 'DB-2026-ABCDEFGH',
  district: '11110',
  programme: 'youth',
  state: 'open',
  ask: { question: '질문', tried: '해 본 것', urgency: 'routine', preferredForm: 'visiting' },
  askedBy: { kind: 'staff', userId: 'caseworker.jongno', groups: ['caseworker'] },
  askedAt: '2026-03-02T01:00:00.000Z',
};
// Tomorrow by the real clock: a day the rules accept, even if the test runs across midnight.
const wanted = { form: 'visiting' as const, sessionOn: seoulIsoDate(new Date(Date.now() + 86_400_000)) };
const acceptBy = (userId: string) => ({
  from: 'open' as const,
  plan: (current: SupervisionRequest, today: string) => planAcceptance(current, wanted, userId, today),
  next: (current: SupervisionRequest, at: string): SupervisionRequest => ({ ...current, state: 'accepted', acceptance: { ...wanted, by: actor(userId), at } }),
  action: 'supervision.accepted',
  detail: () => ({}),
});

beforeEach(() => {
  store.stored = undefined;
  store.moves = [];
  store.failNext = false;
});

describe('advanceSupervision', () => {
  it('refuses the supervisor whose write lost the race, after reading the winner’s', async () => {
    // Both read it open; supervisor.kim's write comes second and finds it taken by supervisor.
    store.stored = { ...open, state: 'accepted', acceptance: { ...wanted, by: actor('supervisor'), at: '2026-03-03T00:00:00.000Z' } };
    store.failNext = true;
    await expect(advanceSupervision(open, acceptBy('supervisor.kim'), actor('supervisor.kim'))).rejects.toMatchObject({ status: 409, code: 'supervision-taken' });
    expect(store.moves).toEqual([]);
  });

  it('answers the winner’s retry that lost to its own first write with the arrangement standing', async () => {
    const mine = { ...open, state: 'accepted' as const, acceptance: { ...wanted, by: actor('supervisor'), at: '2026-03-03T00:00:00.000Z' } };
    store.stored = mine;
    store.failNext = true;
    await expect(advanceSupervision(open, acceptBy('supervisor'), actor('supervisor'))).resolves.toEqual(mine);
    expect(store.moves).toEqual([]);
  });

  it('writes the next state once when nobody else did', async () => {
    const accepted = await advanceSupervision(open, acceptBy('supervisor'), actor('supervisor'));
    expect(accepted).toMatchObject({ state: 'accepted', acceptance: { ...wanted, by: { userId: 'supervisor' } } });
    expect(store.moves).toHaveLength(1);
  });
});
