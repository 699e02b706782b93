import type { ConversationRow } from '../../../../packages/engine/src/store/schema';
import { shortAddress } from '../format/address';

/** The conversation's name, else the peer's short address; undefined for an unnamed group. */
export function conversationTitle(row: Pick<ConversationRow, 'name' | 'peer'>): string | undefined {
  if (row.name && row.name.trim().length > 0) return row.name;
  return row.peer ? shortAddress(row.peer) : undefined;
}
