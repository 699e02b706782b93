// The "Conversations" navigation: search plus every conversation, newest first.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/services';
import { filterConversations } from '../../chat/conversation-filter';
import { SearchIcon } from '../../components/icons';
import { ConversationItem } from './conversation-item';

export function ConversationList({ selectedId }: { selectedId: string | undefined }) {
  const db = useDatabase();
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const rows = useLiveQuery(() => db.conversations.orderBy('lastMessageAt').reverse().toArray(), [db]);
  const filtered = useMemo(() => filterConversations(rows ?? [], deferredQuery), [rows, deferredQuery]);
  const now = Date.now();

  return (
    <nav className="conversations" aria-label={t('conversations.label')}>
      <div className="search">
        <label htmlFor={searchId} className="sr-only">
          {t('conversations.search')}
        </label>
        <SearchIcon />
        <input
          id={searchId}
          type="search"
          placeholder={t('conversations.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </div>
      {rows === undefined ? null : rows.length === 0 ? (
        <p className="conversations__empty muted">{t('conversations.empty')}</p>
      ) : filtered.length === 0 ? (
        <p className="conversations__empty muted" role="status">
          {t('conversations.noMatch', { query: deferredQuery })}
        </p>
      ) : (
        <ul className="conversations__list">
          {filtered.map((row) => (
            <ConversationItem key={row.id} row={row} selected={row.id === selectedId} now={now} />
          ))}
        </ul>
      )}
    </nav>
  );
}
