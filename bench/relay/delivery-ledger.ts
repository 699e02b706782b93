// Loss and duplicate accounting. The relay numbers each conversation's messages with a gapless
// seq, so (conversation, seq) names a message; the raw baseline server numbers its rooms the
// same way. Every acknowledged message must reach every subscribed receiver of its
// conversation exactly once.

export interface AckedMessage {
  readonly conv: string;
  readonly seq: number;
}

/** What one receiver saw: every seq it was handed, per conversation, repeats included. */
export interface ReceiverLog {
  readonly receiver: string;
  readonly conv: string;
  readonly seqs: readonly number[];
}

export interface DeliveryAccount {
  /** Acknowledged messages times the receivers of their conversation. */
  readonly expected: number;
  /** Distinct acknowledged (receiver, conversation, seq) received. */
  readonly delivered: number;
  /** Expected but never received. */
  readonly lost: number;
  /** Receptions beyond the first of the same (receiver, conversation, seq). */
  readonly duplicates: number;
  /** Distinct receptions of messages never acknowledged (the ack was lost or never came). */
  readonly unacked: number;
}

export function accountDeliveries(
  acked: readonly AckedMessage[],
  receiversByConv: ReadonlyMap<string, readonly string[]>,
  logs: readonly ReceiverLog[],
): DeliveryAccount {
  const ackedByConv = new Map<string, Set<number>>();
  for (const a of acked) {
    let set = ackedByConv.get(a.conv);
    if (set === undefined) {
      set = new Set();
      ackedByConv.set(a.conv, set);
    }
    set.add(a.seq);
  }
  let expected = 0;
  for (const [conv, seqs] of ackedByConv) expected += seqs.size * (receiversByConv.get(conv)?.length ?? 0);

  let delivered = 0;
  let duplicates = 0;
  let unacked = 0;
  // One set per (receiver, conversation), so a repeat is caught even across two logs.
  const seenBy = new Map<string, Set<number>>();
  for (const log of logs) {
    const ackedSeqs = ackedByConv.get(log.conv);
    const isReceiver = receiversByConv.get(log.conv)?.includes(log.receiver) === true;
    const key = `${log.receiver}\u0000${log.conv}`;
    let seen = seenBy.get(key);
    if (seen === undefined) {
      seen = new Set();
      seenBy.set(key, seen);
    }
    for (const seq of log.seqs) {
      if (seen.has(seq)) {
        duplicates++;
        continue;
      }
      seen.add(seq);
      if (isReceiver && ackedSeqs?.has(seq) === true) delivered++;
      else unacked++;
    }
  }
  return { expected, delivered, lost: expected - delivered, duplicates, unacked };
}
