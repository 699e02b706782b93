// Contents that act on other messages instead of being shown (docs/protocol.md §9.2): receipts,
// reactions, edits and deletes. Each is applied to its target inside the apply transaction and is
// idempotent, so a content applied twice changes nothing the second time. An edit or delete counts
// only from the account that sent the target.
import type { Content } from '../deps/protocol';
import type { ParleyDatabase } from '../store/database';
import type { MessageRow } from '../store/schema';

const EFFECT_TYPES = new Set(['receipt', 'reaction', 'edit', 'delete']);

/** True for content that is shown as a message of its own. */
export function isVisible(content: { readonly type: string }): boolean {
  return !EFFECT_TYPES.has(content.type);
}

async function target(
  db: ParleyDatabase,
  conversationId: string,
  ref: { senderDevice: string; clientId: string },
) {
  const row = await db.messages.get(ref.clientId);
  return row && row.conversationId === conversationId && row.senderDevice === ref.senderDevice
    ? row
    : undefined;
}

const RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3 };

/** Applies one effect content from `sender` in `conversationId`. Call inside a rw transaction
 * over messages and conversations. */
export async function applyEffect(
  db: ParleyDatabase,
  conversationId: string,
  sender: string,
  me: string,
  content: Content,
  at: number,
): Promise<void> {
  switch (content.type) {
    case 'receipt': {
      if (content.upToSeq === undefined) return;
      if (sender === me) {
        // Another device of this account read the conversation: follow it.
        if (content.status === 'read') await markReadUpTo(db, conversationId, content.upToSeq);
        return;
      }
      // Only the seqs above what earlier receipts covered are visited: each receipt costs the
      // messages it newly covers, not the whole conversation.
      const conversation = await db.conversations.get(conversationId);
      if (!conversation) return;
      const field = content.status === 'read' ? 'peerReadSeq' : 'peerDeliveredSeq';
      const from = (conversation[field] ?? 0) + 1;
      if (content.upToSeq < from) return;
      const status = content.status;
      await db.messages
        .where('[conversationId+seq]')
        .between([conversationId, from], [conversationId, content.upToSeq], true, true)
        .filter(
          (m) => m.mine === 1 && (RANK[m.status] ?? 0) > 0 && (RANK[m.status] ?? 0) < (RANK[status] ?? 0),
        )
        .modify((m: { status: string }) => {
          m.status = status;
        });
      await db.conversations.update(conversationId, { [field]: content.upToSeq });
      return;
    }
    case 'reaction': {
      const row = await target(db, conversationId, content.target);
      if (!row) return;
      const reactions: Record<string, readonly string[]> = { ...(row.reactions ?? {}) };
      const who = new Set(reactions[content.emoji] ?? []);
      if (content.action === 'add') who.add(sender);
      else who.delete(sender);
      if (who.size > 0) reactions[content.emoji] = [...who].sort();
      else delete reactions[content.emoji];
      await db.messages.update(row.clientId, { reactions });
      return;
    }
    case 'edit': {
      const row = await target(db, conversationId, content.target);
      if (!row || row.senderAddress !== sender || row.deleted) return;
      const previous = row.content;
      if (typeof previous !== 'object' || previous === null) return;
      await db.messages.update(row.clientId, { content: { ...previous, body: content.body }, editedAt: at });
      return;
    }
    case 'delete': {
      const row = await target(db, conversationId, content.target);
      if (!row || row.senderAddress !== sender) return;
      await db.messages.update(row.clientId, { content: undefined, deleted: true });
      return;
    }
    default:
      return;
  }
}

/** Marks the conversation read up to `seq` and recounts what is still unread. */
export async function markReadUpTo(db: ParleyDatabase, conversationId: string, seq: number): Promise<void> {
  const conversation = await db.conversations.get(conversationId);
  if (!conversation || conversation.readSeq >= seq) return;
  const unreadCount = await countUnread(db, conversationId, seq);
  await db.conversations.update(conversationId, { readSeq: seq, unreadCount });
}

export async function countUnread(
  db: ParleyDatabase,
  conversationId: string,
  readSeq: number,
): Promise<number> {
  return db.messages
    .where('[conversationId+seq]')
    .between([conversationId, readSeq + 1], [conversationId, Number.MAX_SAFE_INTEGER], true, true)
    .filter((m: MessageRow) => m.mine !== 1 && m.status !== 'unverified')
    .count();
}
