import { describe, expect, it } from 'vitest';
import { newlyUnread, shouldNotify } from './notifications';

describe('new-message notifications', () => {
  const port = (permission: NotificationPermission | 'unsupported', backgrounded: boolean) => ({
    permission: () => permission,
    isBackgrounded: () => backgrounded,
  });

  it('notifies only when enabled, permitted and in the background', () => {
    expect(shouldNotify(true, port('granted', true))).toBe(true);
    expect(shouldNotify(false, port('granted', true))).toBe(false);
    expect(shouldNotify(true, port('default', true))).toBe(false);
    expect(shouldNotify(true, port('denied', true))).toBe(false);
    expect(shouldNotify(true, port('unsupported', true))).toBe(false);
    expect(shouldNotify(true, port('granted', false))).toBe(false);
  });

  it('picks the conversations whose unread count went up', () => {
    const before = new Map([
      ['a', { id: 'a', unreadCount: 1, lastMessageAt: 10 }],
      ['b', { id: 'b', unreadCount: 2, lastMessageAt: 10 }],
    ]);
    const now = [
      { id: 'a', unreadCount: 2, lastMessageAt: 20 },
      { id: 'b', unreadCount: 0, lastMessageAt: 10 },
      { id: 'c', unreadCount: 1, lastMessageAt: 5 },
    ];
    expect(newlyUnread(before, now).map((c) => c.id)).toEqual(['a', 'c']);
  });
});
