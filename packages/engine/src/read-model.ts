// The read API for the UI: plain async functions over the local database that the UI passes to
// useLiveQuery (dexie-react-hooks), so every tab re-renders when any tab or the sync writes.
// Nothing here touches the network. Example:
//   const list = useLiveQuery(() => conversationList(engine.db), [engine]);
//   const page = useLiveQuery(() => messagePage(engine.db, id, { limit: 50 }), [engine, id]);
import { z } from 'zod';
import type { ConnectionState, SyncProgress } from './engine-api';
import type { ParleyDatabase } from './store/database';
import type { ConversationRow, MemberRow, MessageRow } from './store/schema';

export interface ConversationView {
  readonly id: string;
  readonly kind: 'dm' | 'group';
  readonly title: string;
  readonly peer?: string;
  readonly active: boolean;
  readonly lastMessageAt: number;
  readonly lastMessagePreview?: string;
  readonly unreadCount: number;
}

function view(c: ConversationRow): ConversationView {
  return {
    id: c.id,
    kind: c.kind,
    title: c.name ?? c.peer ?? c.id.slice(0, 8),
    ...(c.peer === undefined ? {} : { peer: c.peer }),
    active: c.active !== false,
    lastMessageAt: c.lastMessageAt,
    ...(c.lastMessagePreview === undefined ? {} : { lastMessagePreview: c.lastMessagePreview }),
    unreadCount: c.unreadCount,
  };
}

/** Conversations, most recent first, with their last message preview and unread count. */
export async function conversationList(db: ParleyDatabase): Promise<ConversationView[]> {
  const rows = await db.conversations.orderBy('lastMessageAt').reverse().toArray();
  return rows.map(view);
}

export interface MessagePage {
  /** Oldest first, as a chat shows them. */
  readonly messages: readonly MessageRow[];
  /** Pass as `beforeSeq` to load the page before this one; undefined at the beginning. */
  readonly olderThan?: number;
}

/**
 * A page of messages by relay seq, newest `limit` before `beforeSeq` (reverse pagination). The
 * first page (no `beforeSeq`) also lists this device's messages that have no seq yet (pending or
 * failed), after the others, in the order they were sent.
 */
export async function messagePage(
  db: ParleyDatabase,
  conversationId: string,
  options: { readonly beforeSeq?: number; readonly limit?: number } = {},
): Promise<MessagePage> {
  const limit = options.limit ?? 50;
  const upper = options.beforeSeq ?? Number.MAX_SAFE_INTEGER;
  const newestFirst = await db.messages
    .where('[conversationId+seq]')
    .between([conversationId, 0], [conversationId, upper], true, false)
    .reverse()
    .limit(limit)
    .toArray();
  const sequenced = newestFirst.reverse();
  const unsequenced =
    options.beforeSeq === undefined
      ? (
          await db.messages
            .where('[conversationId+sentAt]')
            .between([conversationId, 0], [conversationId, Number.MAX_SAFE_INTEGER])
            .toArray()
        ).filter((m) => m.seq === undefined)
      : [];
  const oldest = sequenced[0]?.seq;
  return {
    messages: [...sequenced, ...unsequenced],
    ...(sequenced.length === limit && oldest !== undefined && oldest > 1 ? { olderThan: oldest } : {}),
  };
}

/** Members stored for a conversation, by address, `limit` after `after` (lazy paging: the engine's
 * loadMembers fetches the next page from the relay when the UI scrolls past what is stored). */
export async function memberPage(
  db: ParleyDatabase,
  conversationId: string,
  options: { readonly after?: string; readonly limit?: number } = {},
): Promise<MemberRow[]> {
  const rows = await db.members
    .where('[conversationId+address]')
    .between(
      [conversationId, options.after ?? ''],
      [conversationId, '\uffff'],
      options.after === undefined,
      true,
    )
    .limit(options.limit ?? 100)
    .toArray();
  return rows;
}

export interface SyncStatus {
  readonly connection: ConnectionState;
  readonly sync?: SyncProgress | { readonly done: true };
  readonly leader: boolean;
}

const Count = z.number().int().nonnegative();
const StoredStatus = z.object({
  connection: z.discriminatedUnion('state', [
    z.object({ state: z.literal('offline') }),
    z.object({ state: z.literal('connecting'), attempt: Count }),
    z.object({ state: z.literal('reconnecting'), attempt: Count, retryInMs: Count }),
    z.object({ state: z.literal('online') }),
    z.object({ state: z.literal('idle') }),
  ]),
  sync: z.union([z.object({ done: Count, total: Count }), z.object({ done: z.literal(true) })]).optional(),
  leader: z.boolean(),
});

/** The syncing tab's connection and sync progress, as it last wrote them (any tab can read it). */
export async function syncStatus(db: ParleyDatabase): Promise<SyncStatus> {
  const parsed = StoredStatus.safeParse((await db.sync.get(STATUS_KEY))?.value);
  if (!parsed.success) return { connection: { state: 'idle' }, leader: false };
  const { connection, sync, leader } = parsed.data;
  return sync === undefined ? { connection, leader } : { connection, sync, leader };
}

export const STATUS_KEY = 'status';

/** Messages that could not be sent (status failed), for a "retry or discard" list. */
export async function failedMessages(db: ParleyDatabase): Promise<MessageRow[]> {
  return db.messages.where('status').equals('failed').toArray();
}
