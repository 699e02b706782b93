import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationRow } from '../../../../../packages/engine/src/store/schema';
import { routeHref } from '../../app/route';
import { useEnsAvatar, useEnsName } from '../../chain/use-ens';
import { conversationTitle } from '../../chat/conversation-title';
import { Avatar } from '../../components/avatar';
import { formatListTime } from '../../format/time-format';

export const ConversationItem = memo(function ConversationItem({
  row,
  selected,
  now,
}: {
  row: ConversationRow;
  selected: boolean;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  // A DM's verified ENS name replaces the short address (never a name the person gave the chat).
  const ensName = useEnsName(row.name ? undefined : row.peer);
  const avatarUrl = useEnsAvatar(row.peer);
  const title = ensName ?? conversationTitle(row) ?? t('conversations.unnamedGroup');
  const unread = row.unreadCount;
  return (
    <li>
      <a
        href={routeHref({ name: 'conversation', id: row.id })}
        className={`conversation${unread > 0 ? ' conversation--unread' : ''}`}
        aria-current={selected ? 'page' : undefined}
      >
        <Avatar seed={row.peer ?? row.id} label={title} imageUrl={avatarUrl} />
        <span className="conversation__body">
          <span className="conversation__top">
            <span className="conversation__name">{title}</span>
            {row.lastMessageAt > 0 && (
              <time className="conversation__time" dateTime={new Date(row.lastMessageAt).toISOString()}>
                {formatListTime(row.lastMessageAt, now, { locale: i18n.language })}
              </time>
            )}
          </span>
          <span className="conversation__bottom">
            <span className="conversation__preview">
              {row.lastMessagePreview ?? t('conversations.noMessages')}
            </span>
            {unread > 0 && (
              <span className="badge">
                <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
                <span className="sr-only">{t('conversations.unread', { count: unread })}</span>
              </span>
            )}
          </span>
        </span>
      </a>
    </li>
  );
});
