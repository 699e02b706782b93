// The live TradeView of a conversation: re-derived when any of its trade messages changes.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../app/services';
import { isTradeMessage, type TradeView, tradeView } from './trade-log';

export function useTradeView(conversationId: string, now: number): TradeView | undefined {
  const db = useDatabase();
  const messages = useLiveQuery(async () => {
    const rows = await db.messages
      .where('[conversationId+sentAt]')
      .between([conversationId, 0], [conversationId, Number.MAX_SAFE_INTEGER])
      .filter(isTradeMessage)
      .toArray();
    // Relay order; my own not-yet-sent items last, in the order I made them.
    return rows.sort(
      (a, b) =>
        (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER) || a.sentAt - b.sentAt,
    );
  }, [db, conversationId]);
  return messages ? tradeView(conversationId, messages, now) : undefined;
}
