import { describe, expect, it } from 'vitest';
import { executionName, handoverOf } from '../../../functions/lifecycle/start-lifecycle';

const id = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';

describe('executionName', () => {
  it('names the first execution after the application, an extension by its period, a continuation by its hand-over', () => {
    expect(executionName(id, 1)).toBe(id);
    expect(executionName(id, 2)).toBe(`${id}-p2`);
    expect(executionName(id, 1, 2)).toBe(`${id}-h2`);
    expect(executionName(id, 3, 1)).toBe(`${id}-p3-h1`);
  });

  it("keeps a reopened round in its name and its continuations', so no round meets another's", () => {
    expect(executionName(id, 1, 0, 1)).toBe(`${id}-r1`);
    expect(executionName(id, 1, 1, 1)).toBe(`${id}-r1-h1`);
    expect(executionName(id, 1, 1, 2)).not.toBe(executionName(id, 1, 1, 1));
    expect(executionName(id, 1, 1, 1)).not.toBe(executionName(id, 1, 1));
    // Past the first period the period names it: a reopening happens before approval, never after.
    expect(executionName(id, 2, 0, 1)).toBe(`${id}-p2`);
  });
});

describe('handoverOf', () => {
  it('reads the hand-over back from every name executionName gives', () => {
    for (const [period, handover, reopened] of [[1, 0, 0], [1, 3, 0], [2, 0, 0], [3, 12, 0], [1, 0, 2], [1, 4, 2]] as const) {
      expect(handoverOf(executionName(id, period, handover, reopened || undefined))).toBe(handover);
    }
  });

  it('reads 0 from a name with no hand-over (an execution started by hand, say)', () => {
    expect(handoverOf(`${id}-p2`)).toBe(0);
    expect(handoverOf('by-hand')).toBe(0);
  });
});
