// The conversation list's search: matches the name, the peer's address and the last message.
import type { ConversationRow } from '../../../../packages/engine/src/store/schema';

function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function filterConversations(
  rows: readonly ConversationRow[],
  query: string,
): readonly ConversationRow[] {
  const words = normalise(query)
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const haystack = normalise([row.name ?? '', row.peer ?? '', row.lastMessagePreview ?? ''].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}
