// Envelopes: gapless per-conversation seq, idempotent client ids, per-device copies.
//
// Sends are written by group commit: the calls that arrive while one transaction runs share the
// next one (coalescer.ts, sql-envelope-batch.ts). A transaction first locks the single
// envelope_position row, which serialises writers so that `position` (the catch-up cursor)
// commits in increasing order, then gives each new envelope its conversation's next seq. Each
// call's receipts are returned only after COMMIT, so an acknowledged envelope is durable.
import { Coalescer } from './coalescer';
import { envelopeFrom, pageOf } from './rows';
import type { SqlDb } from './sql-db';
import { type AppendCall, type AppendResult, appendBatch } from './sql-envelope-batch';
import type { RelayStore } from './store';

type EnvelopePart = Pick<RelayStore, 'appendEnvelopes' | 'history' | 'catchUp'>;

const READ_COLUMNS = `e.conversation_id, e.seq, e.position, e.client_id, e.sender_address, e.sender_device,
  e.server_time, COALESCE(e.body, c.body) AS body, c.recipient_device`;
const COPY_JOIN = `LEFT JOIN envelope_copies c
  ON c.conversation_id = e.conversation_id AND c.seq = e.seq AND c.recipient_device = $2`;

/** Sends waiting for one transaction; a batch holds at most this many calls (of up to 32 each). */
const MAX_CALLS_PER_BATCH = 128;

export function sqlEnvelopes(db: SqlDb): EnvelopePart {
  const writes = new Coalescer<AppendCall, AppendResult>(
    (calls) => appendBatch(db, calls),
    MAX_CALLS_PER_BATCH,
  );
  return {
    appendEnvelopes(sender, senderDevice, envelopes, now) {
      return writes.submit({ sender, senderDevice, envelopes, now });
    },
    async history(conversationId, readerDevice, afterSeq, limit) {
      const rows = await db.query(
        `SELECT ${READ_COLUMNS} FROM envelopes e ${COPY_JOIN}
         WHERE e.conversation_id = $1 AND e.seq > $3 ORDER BY e.seq LIMIT $4`,
        [conversationId, readerDevice, afterSeq, limit + 1],
      );
      return pageOf(rows.map(envelopeFrom), limit);
    },
    async catchUp(address, readerDevice, afterPosition, limit) {
      const rows = await db.query(
        `SELECT ${READ_COLUMNS} FROM envelopes e
         JOIN members m ON m.conversation_id = e.conversation_id AND m.address = $1 ${COPY_JOIN}
         WHERE e.position > $3 ORDER BY e.position LIMIT $4`,
        [address, readerDevice, afterPosition, limit + 1],
      );
      return pageOf(rows.map(envelopeFrom), limit);
    },
  };
}
