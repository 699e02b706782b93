// Watches unread counts and shows a notification when one rises while Parley is in the
// background (and the person turned notifications on). Reads Dexie only.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../app/route';
import { useDatabase, useServices } from '../app/services';
import { conversationTitle } from '../chat/conversation-title';
import { usePreferences } from '../preferences/use-preferences';
import { newlyUnread, shouldNotify, type UnreadSnapshot } from './notifications';

export function useNewMessageNotifications(openConversationId: string | undefined): void {
  const db = useDatabase();
  const { notifications } = useServices();
  const { preferences } = usePreferences();
  const { t } = useTranslation();
  const rows = useLiveQuery(() => db.conversations.toArray(), [db]);
  const previous = useRef<Map<string, UnreadSnapshot> | undefined>(undefined);

  useEffect(() => {
    if (!rows) return;
    const before = previous.current;
    previous.current = new Map(
      rows.map((r) => [r.id, { id: r.id, unreadCount: r.unreadCount, lastMessageAt: r.lastMessageAt }]),
    );
    // The first snapshot is the baseline: what was unread before this tab opened is not news.
    if (!before || !shouldNotify(preferences.notifications, notifications)) return;
    for (const changed of newlyUnread(before, rows)) {
      const row = rows.find((r) => r.id === changed.id);
      if (!row || (row.id === openConversationId && document.visibilityState === 'visible')) continue;
      const name = conversationTitle(row) ?? t('conversations.unnamedGroup');
      void notifications
        .show(t('notifications.title'), {
          body: t('notifications.newMessage', { name, count: row.unreadCount }),
          tag: `conversation:${row.id}`,
          url: `/${routeHref({ name: 'conversation', id: row.id })}`,
        })
        .catch((e: unknown) => console.debug('notification', e));
    }
  }, [rows, preferences.notifications, notifications, openConversationId, t]);
}
