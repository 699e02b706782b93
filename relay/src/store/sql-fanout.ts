// The reads cluster fan-out needs (FanoutReads in store.ts): a relay that hears of an envelope or
// control over Redis fetches it here by position or index, in one batch. Positions go in as one
// bigint[] literal, so a batch is two statements whatever its size.
import { ControlRow, CopyRow, EnvelopeRefRow, envelopeFrom, pageOf, ValueRow, WrapRow } from './rows';
import type { SqlDb } from './sql-db';
import type { FannedEnvelope, FanoutReads } from './store';

type Copy = { readonly recipientDevice: string; readonly body: string };

const positionsLiteral = (positions: readonly number[]) =>
  `{${positions.filter((p) => Number.isSafeInteger(p) && p >= 0).join(',')}}`;

export function sqlFanout(db: SqlDb): FanoutReads {
  return {
    async lastPosition() {
      const rows = await db.query('SELECT value FROM envelope_position WHERE id = 1');
      return rows[0] === undefined ? 0 : ValueRow.parse(rows[0]).value;
    },
    async envelopeRefsAfter(afterPosition, limit) {
      const rows = await db.query(
        'SELECT conversation_id, seq, position FROM envelopes WHERE position > $1 ORDER BY position LIMIT $2',
        [afterPosition, limit + 1],
      );
      const refs = rows.map((row) => {
        const r = EnvelopeRefRow.parse(row);
        return { conversationId: r.conversation_id, seq: r.seq, position: r.position };
      });
      return pageOf(refs, limit);
    },
    async envelopesAt(positions) {
      if (positions.length === 0) return [];
      const list = positionsLiteral(positions);
      const rows = await db.query(
        `SELECT conversation_id, seq, position, client_id, sender_address, sender_device, server_time, body,
           NULL AS recipient_device
         FROM envelopes WHERE position = ANY($1::bigint[]) ORDER BY position`,
        [list],
      );
      const copyRows = await db.query(
        `SELECT e.position, c.recipient_device, c.body
         FROM envelopes e JOIN envelope_copies c ON c.conversation_id = e.conversation_id AND c.seq = e.seq
         WHERE e.position = ANY($1::bigint[]) ORDER BY e.position, c.recipient_device`,
        [list],
      );
      const copies = new Map<number, Copy[]>();
      for (const row of copyRows) {
        const c = CopyRow.parse(row);
        const at = copies.get(c.position) ?? [];
        at.push({ recipientDevice: c.recipient_device, body: c.body });
        copies.set(c.position, at);
      }
      return rows.map((row): FannedEnvelope => {
        const e = envelopeFrom(row);
        return { ...e, copies: copies.get(e.position) ?? [] };
      });
    },
    async controlAt(conversationId, index) {
      const rows = await db.query(
        `SELECT conversation_id, idx, control, state_hash, server_time, NULL AS wrap
         FROM group_controls WHERE conversation_id = $1 AND idx = $2`,
        [conversationId, index],
      );
      if (rows[0] === undefined) return undefined;
      const c = ControlRow.parse(rows[0]);
      const wraps = await db.query(
        'SELECT recipient_device, body FROM control_wraps WHERE conversation_id = $1 AND idx = $2 ORDER BY recipient_device',
        [conversationId, index],
      );
      return {
        conversationId: c.conversation_id,
        index: c.idx,
        control: c.control,
        stateHash: c.state_hash,
        wraps: wraps.map((row) => {
          const w = WrapRow.parse(row);
          return { recipientDevice: w.recipient_device, body: w.body };
        }),
      };
    },
  };
}
