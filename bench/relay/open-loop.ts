// The open-loop schedule (no coordinated omission): message i of a sender is due at
// start + offset + i * interval whatever happened to the messages before it, and its latency is
// measured from that due time, so a stalled relay shows up as latency instead of a lower
// request rate. Times are nanoseconds of the machine's monotonic clock (process.hrtime), which
// every process on the machine shares.

export interface Schedule {
  /** Due time of message 0, ns. */
  readonly startNs: number;
  /** Nanoseconds between two messages of this sender. */
  readonly intervalNs: number;
  /** Messages in the measured window. */
  readonly total: number;
}

/** A sender's share of a total rate: `senders` senders at `totalPerSecond` together. */
export function scheduleFor(
  windowStartNs: number,
  durationMs: number,
  totalPerSecond: number,
  senders: number,
  index: number,
): Schedule {
  if (!(totalPerSecond > 0) || senders < 1 || index < 0 || index >= senders) {
    throw new RangeError('bad schedule parameters');
  }
  const perSender = totalPerSecond / senders;
  const intervalNs = 1e9 / perSender;
  // Senders are spread over one interval so they do not all fire on the same tick.
  const startNs = windowStartNs + (intervalNs * index) / senders;
  const windowEndNs = windowStartNs + durationMs * 1e6;
  const total = Math.max(0, Math.ceil((windowEndNs - startNs) / intervalNs));
  return { startNs, intervalNs, total };
}

/** How many messages are due at `nowNs` (0 before the start, at most `total`). */
export function dueCount(s: Schedule, nowNs: number): number {
  if (nowNs < s.startNs) return 0;
  // The division can land one off at an exact due time (floating point); settle it against dueAt
  // so a message is due exactly from dueAt(i) on.
  let last = Math.floor((nowNs - s.startNs) / s.intervalNs);
  while (dueAt(s, last + 1) <= nowNs) last++;
  while (last >= 0 && dueAt(s, last) > nowNs) last--;
  return Math.min(s.total, last + 1);
}

/** Due time of message `i`, ns. */
export function dueAt(s: Schedule, i: number): number {
  return s.startNs + i * s.intervalNs;
}
