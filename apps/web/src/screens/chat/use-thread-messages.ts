// The newest `limit` messages of a conversation, live. Scrolling up raises the limit.
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { MessageRow } from '../../../../../packages/engine/src/store/schema';
import { useDatabase } from '../../app/services';

export const PAGE_SIZE = 80;

export function useThreadMessages(
  conversationId: string,
  limit: number,
): { messages: readonly MessageRow[]; hasMore: boolean } | undefined {
  const db = useDatabase();
  return useLiveQuery(async () => {
    // [conversationId+sentAt] covers pending messages too (they have no seq yet).
    const newest = await db.messages
      .where('[conversationId+sentAt]')
      .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey])
      .reverse()
      .limit(limit + 1)
      .toArray();
    return { messages: newest.slice(0, limit), hasMore: newest.length > limit };
  }, [db, conversationId, limit]);
}
