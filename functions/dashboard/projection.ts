/**
 * Keeping one counted item's counter right, whatever the stream delivers: read where the item
 * belongs now and where it is counted, and move it if they differ — in one conditional write that
 * holds only if the marker still says what was read. Two deliveries of the same record (the stream
 * delivers at least once), or records of one item handled side by side, cannot both move it: the
 * second finds the marker moved, reads again, and finds nothing to do.
 */
import { countChange, type CountCell, type CountChange } from './counters';

/** An item the dashboard counts: the application item, or one of its sessions. */
export interface CountedItem {
  applicationId: string;
  /** The item's sort key (`APPLICATION`, `SESSION#p1#…`). */
  sk: string;
}

export interface CountPort {
  /** Where the item belongs now; undefined if it counts nowhere (deleted, or a session not yet recorded). */
  currentCell(item: CountedItem): Promise<CountCell | undefined>;
  /** Where the item is counted (its marker), if anywhere. */
  countedCell(item: CountedItem): Promise<CountCell | undefined>;
  /** Applies the change with the marker, only if the marker still holds `change.from`; false if it did not. */
  move(item: CountedItem, change: CountChange): Promise<boolean>;
}

/** Rounds of read-and-move before giving up (the record is then retried by the stream). */
const ROUNDS = 5;

export class CountContended extends Error {
  override name = 'CountContended';
  constructor(readonly item: CountedItem) {
    super(`The counter of ${item.applicationId} ${item.sk} kept changing under the projection`);
  }
}

/** Moves the item's count to where it belongs; 'moved', or 'unchanged' when it already was there. */
export async function projectItem(item: CountedItem, port: CountPort): Promise<'moved' | 'unchanged'> {
  for (let round = 0; round < ROUNDS; round++) {
    const [current, counted] = await Promise.all([port.currentCell(item), port.countedCell(item)]);
    const change = countChange(counted, current);
    if (!change) return 'unchanged';
    if (await port.move(item, change)) return 'moved';
  }
  throw new CountContended(item);
}
