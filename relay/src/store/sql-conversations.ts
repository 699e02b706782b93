// Conversations, members and ordered group control messages.
import { ProtocolError } from '@parley/protocol';
import { ControlRow, ConversationRow, conversationFrom, MemberRow, pageOf } from './rows';
import { isUniqueViolation, type SqlDb } from './sql-db';
import type { RelayStore } from './store';

type ConversationPart = Pick<
  RelayStore,
  | 'createConversation'
  | 'getConversation'
  | 'listConversations'
  | 'getMember'
  | 'listMembers'
  | 'applyControl'
  | 'listControls'
>;

const CONVERSATION_COLUMNS =
  'c.id, c.kind, c.created_by, c.created_at, c.last_seq, c.state_hash, c.control_count';

export function sqlConversations(db: SqlDb): ConversationPart {
  const get = async (id: string) => {
    const rows = await db.query(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = $1`, [id]);
    return rows[0] === undefined ? undefined : conversationFrom(rows[0]);
  };
  return {
    getConversation: get,
    async createConversation(c, members, dmKey) {
      try {
        await db.transaction(async (tx) => {
          await tx.query(
            `INSERT INTO conversations (id, kind, dm_key, created_by, created_at, state_hash)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [c.id, c.kind, dmKey ?? null, c.createdBy, c.createdAt, c.stateHash],
          );
          for (const m of members) {
            await tx.query(
              'INSERT INTO members (conversation_id, address, role, joined_at) VALUES ($1, $2, $3, $4)',
              [c.id, m.address, m.role, c.createdAt],
            );
          }
        });
      } catch (error) {
        if (!isUniqueViolation(error) || dmKey === undefined) throw error;
        // The DM between these two already exists (maybe created concurrently): return it.
        const rows = await db.query(
          `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.dm_key = $1`,
          [dmKey],
        );
        if (rows[0] === undefined) throw error;
        return conversationFrom(rows[0]);
      }
      const created = await get(c.id);
      if (created === undefined) throw new ProtocolError('internal', 'conversation vanished after insert');
      return created;
    },
    async listConversations(address, afterId, limit) {
      const rows = await db.query(
        `SELECT ${CONVERSATION_COLUMNS} FROM members m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.address = $1 AND c.id > $2 ORDER BY c.id LIMIT $3`,
        [address, afterId ?? '', limit + 1],
      );
      return pageOf(rows.map(conversationFrom), limit);
    },
    async getMember(conversationId, address) {
      const rows = await db.query(
        'SELECT address, role, joined_at FROM members WHERE conversation_id = $1 AND address = $2',
        [conversationId, address],
      );
      if (rows[0] === undefined) return undefined;
      const r = MemberRow.parse(rows[0]);
      return { address: r.address, role: r.role, joinedAt: r.joined_at };
    },
    async listMembers(conversationId, afterAddress, limit) {
      const rows = await db.query(
        `SELECT address, role, joined_at FROM members WHERE conversation_id = $1 AND address > $2
         ORDER BY address LIMIT $3`,
        [conversationId, afterAddress ?? '', limit + 1],
      );
      const members = rows.map((row) => {
        const r = MemberRow.parse(row);
        return { address: r.address, role: r.role, joinedAt: r.joined_at };
      });
      return pageOf(members, limit);
    },
    async applyControl(n) {
      return db.transaction(async (tx) => {
        // The row lock orders concurrent controls; the loser sees the new hash and gets conflict.
        const locked = await tx.query(
          `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = $1 FOR UPDATE`,
          [n.conversationId],
        );
        if (locked[0] === undefined) throw new ProtocolError('not_found', 'no such conversation');
        const conv = ConversationRow.parse(locked[0]);
        if (conv.state_hash !== n.prevStateHash) {
          throw new ProtocolError('conflict', 'the control applies to a state that is no longer current');
        }
        const index = conv.control_count;
        for (const a of n.change.add) {
          await tx.query(
            `INSERT INTO members (conversation_id, address, role, joined_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (conversation_id, address) DO NOTHING`,
            [n.conversationId, a.address, a.role, n.serverTime],
          );
        }
        for (const address of n.change.remove) {
          await tx.query('DELETE FROM members WHERE conversation_id = $1 AND address = $2', [
            n.conversationId,
            address,
          ]);
        }
        for (const r of n.change.setRole) {
          await tx.query('UPDATE members SET role = $3 WHERE conversation_id = $1 AND address = $2', [
            n.conversationId,
            r.address,
            r.role,
          ]);
        }
        await tx.query(
          'INSERT INTO group_controls (conversation_id, idx, control, state_hash, server_time) VALUES ($1, $2, $3, $4, $5)',
          [n.conversationId, index, n.control, n.newStateHash, n.serverTime],
        );
        for (const w of n.wraps) {
          await tx.query(
            'INSERT INTO control_wraps (conversation_id, idx, recipient_device, body) VALUES ($1, $2, $3, $4)',
            [n.conversationId, index, w.recipientDevice, w.body],
          );
        }
        await tx.query('UPDATE conversations SET state_hash = $2, control_count = $3 WHERE id = $1', [
          n.conversationId,
          n.newStateHash,
          index + 1,
        ]);
        return {
          conversationId: n.conversationId,
          index,
          control: n.control,
          stateHash: n.newStateHash,
          serverTime: n.serverTime,
          wrap: undefined,
        };
      });
    },
    async listControls(conversationId, readerDevice, fromIndex, limit) {
      const rows = await db.query(
        `SELECT g.conversation_id, g.idx, g.control, g.state_hash, g.server_time, w.body AS wrap
         FROM group_controls g LEFT JOIN control_wraps w
           ON w.conversation_id = g.conversation_id AND w.idx = g.idx AND w.recipient_device = $2
         WHERE g.conversation_id = $1 AND g.idx >= $3 ORDER BY g.idx LIMIT $4`,
        [conversationId, readerDevice, fromIndex, limit + 1],
      );
      const controls = rows.map((row) => {
        const r = ControlRow.parse(row);
        return {
          conversationId: r.conversation_id,
          index: r.idx,
          control: r.control,
          stateHash: r.state_hash,
          serverTime: r.server_time,
          wrap: r.wrap,
        };
      });
      return pageOf(controls, limit);
    },
  };
}
