// Orders a conversation's messages for the thread and works out where the day separators go and
// which bubbles sit together. Relay order (seq) is the truth; messages without a seq (pending,
// failed) come after every sent one, in the order they were written.
import type { MessageRow } from '../../../../packages/engine/src/store/schema';
import { dayKey } from '../format/time-format';
import { isListed } from './message-view';

export interface ThreadRow {
  readonly message: MessageRow;
  readonly outgoing: boolean;
  /** serverTime when the relay has stamped it, else the sender's clock. */
  readonly shownAt: number;
  /** Show a day separator above this row. */
  readonly firstOfDay: boolean;
  /** Same sender as the previous row within a few minutes: drawn as one group. */
  readonly continued: boolean;
}

const GROUP_WINDOW_MS = 5 * 60_000;

export function compareMessages(a: MessageRow, b: MessageRow): number {
  if (a.seq !== undefined && b.seq !== undefined) return a.seq - b.seq;
  if (a.seq !== undefined) return -1;
  if (b.seq !== undefined) return 1;
  if (a.sentAt !== b.sentAt) return a.sentAt - b.sentAt;
  return a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0;
}

export function buildThreadRows(
  messages: readonly MessageRow[],
  myAddress: string,
  timeZone?: string,
): ThreadRow[] {
  const me = myAddress.toLowerCase();
  const sorted = messages.filter(isListed).sort(compareMessages);
  const rows: ThreadRow[] = [];
  let previous: ThreadRow | undefined;
  let previousDay: string | undefined;
  for (const message of sorted) {
    const shownAt = message.serverTime ?? message.sentAt;
    const day = dayKey(shownAt, timeZone);
    const firstOfDay = day !== previousDay;
    const continued =
      previous !== undefined &&
      !firstOfDay &&
      previous.message.senderAddress.toLowerCase() === message.senderAddress.toLowerCase() &&
      shownAt - previous.shownAt < GROUP_WINDOW_MS;
    const row: ThreadRow = {
      message,
      outgoing: message.senderAddress.toLowerCase() === me,
      shownAt,
      firstOfDay,
      continued,
    };
    rows.push(row);
    previous = row;
    previousDay = day;
  }
  return rows;
}

/** The highest relay seq among the rows (what markRead acknowledges), or 0. */
export function highestSeq(rows: readonly ThreadRow[]): number {
  let max = 0;
  for (const row of rows) if (row.message.seq !== undefined && row.message.seq > max) max = row.message.seq;
  return max;
}
