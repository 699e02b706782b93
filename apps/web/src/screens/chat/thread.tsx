// One conversation: header, the virtualised message list, and the composer.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusIfLost } from '../../app/focus';
import { useDatabase } from '../../app/services';
import { conversationTitle } from '../../chat/conversation-title';
import { Avatar } from '../../components/avatar';
import { BackIcon } from '../../components/icons';
import { Composer } from './composer';
import { MessageList } from './message-list';

export function Thread({
  conversationId,
  me,
  focusOnOpen,
}: {
  conversationId: string;
  me: string;
  /** Opened by navigating inside the app (not a fresh page load): may take focus if it was lost. */
  focusOnOpen: boolean;
}) {
  const db = useDatabase();
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conversation = useLiveQuery(
    async () => (await db.conversations.get(conversationId)) ?? null,
    [db, conversationId],
  );
  const found = conversation !== undefined && conversation !== null;
  // Opening a conversation from the list on a phone hides the list: start from the heading.
  useEffect(() => {
    if (found && focusOnOpen) focusIfLost(headingRef.current);
  }, [found, focusOnOpen]);

  if (conversation === undefined) return null;
  if (conversation === null) {
    return (
      <div className="empty-pane">
        <h2>{t('thread.notFound')}</h2>
        <a href="#/">{t('thread.backToList')}</a>
      </div>
    );
  }
  const title = conversationTitle(conversation) ?? t('conversations.unnamedGroup');
  return (
    <section className="thread" aria-labelledby={headingId}>
      <header className="thread__header">
        <a href="#/" className="icon-button thread__back" aria-label={t('thread.back')}>
          <BackIcon />
        </a>
        <Avatar seed={conversation.peer ?? conversation.id} label={title} size={36} />
        <div className="thread__title">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          {conversation.peer && conversation.name && <span className="muted small">{conversation.peer}</span>}
          {conversation.peer && !conversation.name && (
            <span className="muted small address-full" title={conversation.peer}>
              {conversation.peer}
            </span>
          )}
        </div>
      </header>
      <MessageList conversation={conversation} me={me} group={conversation.kind === 'group'} />
      <Composer conversationId={conversationId} />
    </section>
  );
}
