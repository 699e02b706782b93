import { describe, expect, it } from 'vitest';
import type { ConversationRow } from '../../../../packages/engine/src/store/schema';
import { filterConversations } from './conversation-filter';

const PEER = '0x2222222222222222222222222222222222222222';
const T0 = Date.parse('2026-11-20T10:00:00Z');

describe('conversation search', () => {
  const conv = (id: string, extra: Partial<ConversationRow>): ConversationRow => ({
    id,
    kind: 'dm',
    lastMessageAt: T0,
    unreadCount: 0,
    appliedSeq: 0,
    readSeq: 0,
    ...extra,
  });
  const rows = [
    conv('a', { peer: PEER, lastMessagePreview: 'Deal on the Punk?' }),
    conv('b', { kind: 'group', name: 'Desk Ñandú', lastMessagePreview: 'gm' }),
  ];

  it('matches names, addresses and the last message, ignoring case and accents, all words', () => {
    expect(filterConversations(rows, 'punk').map((r) => r.id)).toEqual(['a']);
    expect(filterConversations(rows, '0x2222').map((r) => r.id)).toEqual(['a']);
    expect(filterConversations(rows, 'nandu').map((r) => r.id)).toEqual(['b']);
    expect(filterConversations(rows, 'desk gm').map((r) => r.id)).toEqual(['b']);
    expect(filterConversations(rows, 'desk punk')).toEqual([]);
    expect(filterConversations(rows, '  ')).toBe(rows);
  });
});
