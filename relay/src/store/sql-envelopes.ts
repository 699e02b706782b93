// Envelopes: gapless per-conversation seq, idempotent client ids, per-device copies.
//
// One send batch is one transaction. It first locks the single envelope_position row, which
// serialises senders so that `position` (the catch-up cursor) commits in increasing order; then
// each new envelope takes `last_seq + 1` from its conversation row under that row's lock. The
// receipt is returned only after COMMIT, so an acknowledged envelope is durable.
import { ProtocolError } from '@parley/protocol';
import { envelopeFrom, pageOf, ReceiptRow, SeqRow, ValueRow } from './rows';
import type { SqlDb, SqlQueryable } from './sql-db';
import type { FannedEnvelope, NewEnvelope, Receipt, RelayStore } from './store';

type EnvelopePart = Pick<RelayStore, 'appendEnvelopes' | 'history' | 'catchUp'>;

const READ_COLUMNS = `e.conversation_id, e.seq, e.position, e.client_id, e.sender_address, e.sender_device,
  e.server_time, COALESCE(e.body, c.body) AS body, c.recipient_device`;
const COPY_JOIN = `LEFT JOIN envelope_copies c
  ON c.conversation_id = e.conversation_id AND c.seq = e.seq AND c.recipient_device = $2`;

async function existing(tx: SqlQueryable, sender: string, clientId: string): Promise<Receipt | undefined> {
  const rows = await tx.query(
    'SELECT conversation_id, seq, server_time FROM envelopes WHERE sender_address = $1 AND client_id = $2',
    [sender, clientId],
  );
  if (rows[0] === undefined) return undefined;
  const r = ReceiptRow.parse(rows[0]);
  return {
    conversationId: r.conversation_id,
    clientId,
    seq: r.seq,
    serverTime: r.server_time,
    duplicate: true,
  };
}

export function sqlEnvelopes(db: SqlDb): EnvelopePart {
  return {
    async appendEnvelopes(sender, senderDevice, envelopes, now) {
      return db.transaction(async (tx) => {
        const receipts: Receipt[] = [];
        const stored: FannedEnvelope[] = [];
        const memberOf = new Map<string, boolean>();
        await tx.query('SELECT value FROM envelope_position WHERE id = 1 FOR UPDATE');
        for (const env of envelopes) {
          const dup = await existing(tx, sender, env.clientId);
          if (dup !== undefined) {
            receipts.push(dup);
            continue;
          }
          await assertMember(tx, memberOf, env.conversationId, sender);
          const seq = SeqRow.parse(
            (
              await tx.query(
                'UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq',
                [env.conversationId],
              )
            )[0],
          ).last_seq;
          const position = ValueRow.parse(
            (
              await tx.query('UPDATE envelope_position SET value = value + 1 WHERE id = 1 RETURNING value')
            )[0],
          ).value;
          await insertEnvelope(tx, env, { sender, senderDevice, seq, position, now });
          receipts.push({
            conversationId: env.conversationId,
            clientId: env.clientId,
            seq,
            serverTime: now,
            duplicate: false,
          });
          stored.push({
            conversationId: env.conversationId,
            seq,
            position,
            clientId: env.clientId,
            senderAddress: sender,
            senderDevice,
            serverTime: now,
            body: env.body,
            recipientDevice: undefined,
            copies: env.copies,
          });
        }
        return { receipts, stored };
      });
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

async function assertMember(
  tx: SqlQueryable,
  cache: Map<string, boolean>,
  conversationId: string,
  sender: string,
) {
  let ok = cache.get(conversationId);
  if (ok === undefined) {
    const rows = await tx.query('SELECT 1 AS one FROM members WHERE conversation_id = $1 AND address = $2', [
      conversationId,
      sender,
    ]);
    ok = rows.length > 0;
    cache.set(conversationId, ok);
  }
  if (!ok) throw new ProtocolError('forbidden', 'not a member of this conversation');
}

async function insertEnvelope(
  tx: SqlQueryable,
  env: NewEnvelope,
  at: { sender: string; senderDevice: string; seq: number; position: number; now: number },
) {
  await tx.query(
    `INSERT INTO envelopes (conversation_id, seq, position, sender_address, sender_device, client_id, server_time, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      env.conversationId,
      at.seq,
      at.position,
      at.sender,
      at.senderDevice,
      env.clientId,
      at.now,
      env.body ?? null,
    ],
  );
  for (const c of env.copies) {
    await tx.query(
      'INSERT INTO envelope_copies (conversation_id, seq, recipient_device, body) VALUES ($1, $2, $3, $4)',
      [env.conversationId, at.seq, c.recipientDevice, c.body],
    );
  }
}
