// The "Messages" list: virtualised (only the rows near the viewport are in the DOM), newest at
// the bottom. It stays pinned to the bottom while you are there, keeps its place when older
// messages load above, and marks messages read when the newest are in view.
//
// A <div> scrolls; inside it the <ul> carries padding that stands in for the rows not rendered,
// so every message stays a direct <li> child of the list (listitem semantics). The list takes
// keyboard focus: arrow keys and Page Up/Down then scroll the div around it.
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationRow } from '../../../../../packages/engine/src/store/schema';
import { useEngine } from '../../app/services';
import { buildThreadRows, highestSeq } from '../../chat/thread-rows';
import { MessageItem } from './message-item';
import { PAGE_SIZE, useThreadMessages } from './use-thread-messages';

const BOTTOM_SLACK_PX = 64;
/** Load the previous page once the rendered range reaches this close to the oldest loaded row. */
const LOAD_MORE_ROWS = 30;

export function MessageList({
  conversation,
  me,
  group,
}: {
  conversation: ConversationRow;
  me: string;
  group: boolean;
}) {
  const { t } = useTranslation();
  const engine = useEngine();
  const [limit, setLimit] = useState(PAGE_SIZE);
  const data = useThreadMessages(conversation.id, limit);
  const rows = useMemo(() => buildThreadRows(data?.messages ?? [], me), [data, me]);
  const listRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const now = Date.now();

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => 64,
    getItemKey: (i) => rows[i]?.message.clientId ?? i,
    overscan: 8,
    paddingStart: 12,
    paddingEnd: 12,
  });
  const total = virtualizer.getTotalSize();
  const items = virtualizer.getVirtualItems();

  // Mark read up to the newest seq when the bottom is in view and the page is visible.
  const marked = useRef(conversation.readSeq);
  const markRead = useCallback(() => {
    const upto = highestSeq(rows);
    if (!stick.current || document.visibilityState !== 'visible') return;
    if (upto <= Math.max(conversation.readSeq, marked.current)) return;
    marked.current = upto;
    engine.markRead(conversation.id, upto).catch((e: unknown) => console.debug('markRead', e));
  }, [rows, conversation.id, conversation.readSeq, engine]);
  useEffect(() => {
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [markRead]);

  // New rows at the bottom: follow them if we were at the bottom or the newest is mine.
  // Older rows above: shift by the added height so what is on screen stays put.
  const firstKey = rows[0]?.message.clientId;
  const lastKey = rows.at(-1)?.message.clientId;
  const lastOutgoing = rows.at(-1)?.outgoing ?? false;
  const previous = useRef<{ first: string | undefined; last: string | undefined; total: number }>({
    first: undefined,
    last: undefined,
    total: 0,
  });
  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el) return;
    const p = previous.current;
    if (p.last !== lastKey) {
      if (stick.current || lastOutgoing || p.last === undefined) {
        stick.current = true;
        el.scrollTop = el.scrollHeight;
      }
    } else if (p.first !== firstKey && p.first !== undefined) {
      el.scrollTop += total - p.total;
    } else if (stick.current) {
      // Rows were measured (or changed height) while pinned: stay pinned.
      el.scrollTop = el.scrollHeight;
    }
    previous.current = { first: firstKey, last: lastKey, total };
  }, [firstKey, lastKey, lastOutgoing, total]);

  const onScroll = () => {
    const el = listRef.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK_PX;
    stick.current = bottom;
    if (bottom !== atBottom) setAtBottom(bottom);
    if (bottom) markRead();
  };

  // Near the oldest loaded row: load the previous page (once the current one has arrived). Rows,
  // not pixels: measuring rows as they appear moves scrollTop, so a pixel threshold can be missed.
  // Only after the reader has scrolled up (the first render starts at the top before it is moved
  // to the bottom), or when the loaded rows do not even fill the screen.
  const firstIndex = items[0]?.index;
  useEffect(() => {
    const el = listRef.current;
    if (!el || !data?.hasMore || data.messages.length < limit) return;
    const underfilled = el.scrollHeight <= el.clientHeight;
    // The row at the top of the viewport now (the render's range may predate a scroll correction).
    const topIndex = virtualizer.getVirtualItemForOffset(el.scrollTop)?.index ?? firstIndex;
    const nearOldest = !stick.current && topIndex !== undefined && topIndex < LOAD_MORE_ROWS;
    if (underfilled || nearOldest) setLimit(data.messages.length + PAGE_SIZE);
  }, [firstIndex, data, limit, virtualizer]);

  // Home and End jump at once. The browser's smooth scroll would be cut short by the virtualiser
  // correcting scrollTop as rows are measured, leaving the reader halfway.
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const el = listRef.current;
    if (!el || event.target !== event.currentTarget) return;
    if (event.key === 'Home') el.scrollTop = 0;
    else if (event.key === 'End') el.scrollTop = el.scrollHeight;
    else return;
    event.preventDefault();
  };

  const first = items[0];
  const last = items.at(-1);
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? total - last.end : 0;

  return (
    <div className="messages-wrap">
      {data && rows.length === 0 && <p className="messages__empty muted">{t('thread.empty')}</p>}
      <div ref={listRef} className="messages-scroller" onScroll={onScroll}>
        <ul
          className="messages"
          aria-label={t('thread.messages')}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll the history from here
          tabIndex={0}
          onKeyDown={onKeyDown}
          style={{ paddingTop, paddingBottom }}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <MessageItem
                key={item.key}
                ref={virtualizer.measureElement}
                row={row}
                index={item.index}
                setSize={rows.length}
                now={now}
                group={group}
                me={me}
              />
            );
          })}
        </ul>
      </div>
      {!atBottom && (
        <button
          type="button"
          className="button button--small jump-latest"
          onClick={() => {
            const el = listRef.current;
            if (el) el.scrollTop = el.scrollHeight;
          }}
        >
          {t('thread.jumpLatest')}
        </button>
      )}
    </div>
  );
}
