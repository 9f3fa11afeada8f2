import { describe, expect, it } from 'vitest';
import { applicationCell, countChange, sessionCell, type CountCell, type CountChange } from '../../../functions/dashboard/counters';
import { CountContended, projectItem, type CountedItem, type CountPort } from '../../../functions/dashboard/projection';

/** The table in memory: items as they are now, markers, counters; `move` keeps the marker's condition. */
function memoryCounts() {
  const current = new Map<string, CountCell | undefined>();
  const markers = new Map<string, CountCell>();
  const counters = new Map<string, number>();
  const id = (item: CountedItem) => `${item.applicationId}|${item.sk}`;
  const cellId = (cell: CountCell) => `${cell.pk}|${cell.sk}`;
  let interfere: ((item: CountedItem) => void) | undefined;
  /** The transaction: all or nothing, only while the marker still names `change.from`. */
  const applyNow = (item: CountedItem, change: CountChange) => {
    const marker = markers.get(id(item));
    if (marker?.sk !== change.from?.sk || marker?.pk !== change.from?.pk) return false;
    if (change.from) counters.set(cellId(change.from), (counters.get(cellId(change.from)) ?? 0) - 1);
    if (change.to) counters.set(cellId(change.to), (counters.get(cellId(change.to)) ?? 0) + 1);
    if (change.to) markers.set(id(item), change.to);
    else markers.delete(id(item));
    return true;
  };
  const port: CountPort = {
    currentCell: async (item) => current.get(id(item)),
    countedCell: async (item) => markers.get(id(item)),
    async move(item, change) {
      interfere?.(item);
      return applyNow(item, change);
    },
  };
  return {
    port,
    set: (item: CountedItem, cell: CountCell | undefined) => current.set(id(item), cell),
    count: (cell: CountCell) => counters.get(cellId(cell)) ?? 0,
    nonZero: () => Object.fromEntries([...counters].filter(([, n]) => n !== 0)),
    applyNow,
    interfere: (f: typeof interfere) => (interfere = f),
  };
}

const app = { applicationId: 'A1', sk: 'APPLICATION' };
const submitted = applicationCell({ district: '11110', programme: 'youth', status: 'submitted' });
const inReview = applicationCell({ district: '11110', programme: 'youth', status: 'awaiting-review' });

describe('the dashboard counters of an item', () => {
  it('count an application in its district × programme × status, and a session in its district, month and outcome', () => {
    expect(submitted).toEqual({ pk: 'COUNTS#11110', sk: 'application#youth#submitted' });
    expect(sessionCell('11440', { outcome: 'held', on: '2026-03-31' })).toEqual({ pk: 'COUNTS#11440', sk: 'sessions#2026-03#held' });
    expect(sessionCell('11440', undefined)).toBeUndefined();
  });

  it('change only when the item belongs elsewhere than its marker says', () => {
    expect(countChange(submitted, { ...submitted })).toBeUndefined();
    expect(countChange(undefined, submitted)).toEqual({ to: submitted });
    expect(countChange(submitted, inReview)).toEqual({ from: submitted, to: inReview });
    expect(countChange(submitted, undefined)).toEqual({ from: submitted });
  });
});

describe('projectItem', () => {
  it('counts a new application once, then moves it with its status', async () => {
    const table = memoryCounts();
    table.set(app, submitted);
    expect(await projectItem(app, table.port)).toBe('moved');
    expect(table.count(submitted)).toBe(1);
    table.set(app, inReview);
    expect(await projectItem(app, table.port)).toBe('moved');
    expect(table.nonZero()).toEqual({ 'COUNTS#11110|application#youth#awaiting-review': 1 });
  });

  it('does nothing for a record delivered again: the marker already says where the item is counted', async () => {
    const table = memoryCounts();
    table.set(app, submitted);
    await projectItem(app, table.port);
    expect(await projectItem(app, table.port)).toBe('unchanged');
    expect(await projectItem(app, table.port)).toBe('unchanged');
    expect(table.count(submitted)).toBe(1);
  });

  it('counts a late record of an old status by the item as it is now, never back', async () => {
    const table = memoryCounts();
    table.set(app, inReview);
    // The INSERT's record (status submitted then) arrives after the item moved on: it is read as it is.
    await projectItem(app, table.port);
    await projectItem(app, table.port);
    expect(table.nonZero()).toEqual({ 'COUNTS#11110|application#youth#awaiting-review': 1 });
  });

  it('reads again when another delivery moved the marker first, and counts once', async () => {
    const table = memoryCounts();
    table.set(app, submitted);
    table.interfere(() => {
      table.interfere(undefined);
      // Another handler, with the same record, counts the item between this one's read and its write.
      table.applyNow(app, { to: submitted });
    });
    expect(await projectItem(app, table.port)).toBe('unchanged');
    expect(table.count(submitted)).toBe(1);
  });

  it('takes a deleted item off its counter', async () => {
    const table = memoryCounts();
    table.set(app, submitted);
    await projectItem(app, table.port);
    table.set(app, undefined);
    expect(await projectItem(app, table.port)).toBe('moved');
    expect(table.nonZero()).toEqual({});
  });

  it('gives up after rounds of contention, so the stream retries the record', async () => {
    const table = memoryCounts();
    table.set(app, submitted);
    const stuck: CountPort = { ...table.port, move: async () => false };
    await expect(projectItem(app, stuck)).rejects.toBeInstanceOf(CountContended);
    expect(table.count(submitted)).toBe(0);
  });
});
