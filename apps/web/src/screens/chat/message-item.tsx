// One message as a list item: optional day separator, the bubble, and for a failed message of
// mine, Retry and Discard. Content is rendered as text, never as markup.
import { lazy, memo, type ReactNode, type Ref, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import { useEngine } from '../../app/services';
import { viewMessage } from '../../chat/message-view';
import type { ThreadRow } from '../../chat/thread-rows';
import { AlertIcon, FileIcon } from '../../components/icons';
import { shortAddress } from '../../format/address';
import { formatClock, formatDayLabel } from '../../format/time-format';
import { DeliveryStatus } from './delivery-status';
import { MessageActions } from './message-actions';
import { ReplyQuote } from './reply-quote';

// Trade cards bring ethers and the Seaport types: loaded only when a thread has one.
const TradeMessage = lazy(() => import('../../trade/trade-message'));
const NftCard = lazy(() => import('../../web3/nft-card'));
const TxCard = lazy(() => import('../../web3/tx-card'));

export interface MessageItemProps {
  readonly row: ThreadRow;
  readonly index: number;
  readonly setSize: number;
  readonly now: number;
  readonly group: boolean;
  /** My wallet address (which reactions are mine). */
  readonly me?: string;
  readonly ref?: Ref<HTMLLIElement>;
}

export const MessageItem = memo(function MessageItem({
  row,
  index,
  setSize,
  now,
  group,
  me,
  ref,
}: MessageItemProps) {
  const { t, i18n } = useTranslation();
  const engine = useEngine();
  const [actionError, setActionError] = useState<string | undefined>();
  const { message, outgoing } = row;
  const view = viewMessage(message);
  const locale = i18n.language;
  const sender = outgoing ? t('message.you') : shortAddress(message.senderAddress);

  const act = (fn: () => Promise<void>) => {
    setActionError(undefined);
    fn().catch((e: unknown) => setActionError(describeError(e, t)));
  };

  let body: ReactNode;
  switch (view.kind) {
    case 'text':
      body = (
        <>
          {view.replyTo && <ReplyQuote clientId={view.replyTo} />}
          <p className="bubble__text">{view.body}</p>
        </>
      );
      break;
    case 'attachment':
      body = (
        <p className="bubble__file">
          <FileIcon /> {view.fileName}
        </p>
      );
      break;
    case 'trade':
      body =
        view.type === 'trade.proposal' || view.type === 'trade.response' ? (
          <Suspense fallback={<p className="bubble__note">{t('trade.checking')}</p>}>
            <TradeMessage message={message} now={now} />
          </Suspense>
        ) : view.type === 'nft' || view.type === 'tx' ? (
          <Suspense
            fallback={<p className="bubble__note">{t(view.type === 'nft' ? 'web3.nft' : 'web3.tx')}</p>}
          >
            {view.type === 'nft' ? <NftCard message={message} /> : <TxCard message={message} />}
          </Suspense>
        ) : (
          <p className="bubble__note">{t('message.trade')}</p>
        );
      break;
    case 'unverified':
      body = (
        <div className="bubble__unverified">
          <AlertIcon />
          <div>
            <p>{t('message.unverified')}</p>
            {view.reason && <p className="small">{view.reason}</p>}
          </div>
        </div>
      );
      break;
    case 'unsupported':
      body = <p className="bubble__note">{t('message.unsupported')}</p>;
      break;
  }

  const classes = [
    'message',
    outgoing ? 'message--out' : 'message--in',
    row.continued ? 'message--continued' : '',
    view.kind === 'unverified' ? 'message--unverified' : '',
    message.status === 'failed' ? 'message--failed' : '',
  ].join(' ');

  return (
    <li ref={ref} data-index={index} aria-posinset={index + 1} aria-setsize={setSize} className={classes}>
      {row.firstOfDay && (
        <div className="day-separator">
          <span>
            {formatDayLabel(row.shownAt, now, {
              locale,
              today: t('time.today'),
              yesterday: t('time.yesterday'),
            })}
          </span>
        </div>
      )}
      <div className="bubble">
        {group && !outgoing && !row.continued ? (
          <p className="bubble__sender" title={message.senderAddress}>
            {sender}
          </p>
        ) : (
          <span className="sr-only">{t('message.saidBy', { name: sender })}</span>
        )}
        {body}
        <span className="bubble__meta">
          <time dateTime={new Date(row.shownAt).toISOString()}>{formatClock(row.shownAt, { locale })}</time>
          {outgoing && <DeliveryStatus status={message.status} />}
        </span>
      </div>
      {view.kind !== 'unverified' && view.kind !== 'unsupported' && (
        <MessageActions message={message} me={me} />
      )}
      {message.status === 'failed' && outgoing && (
        <div className="message__failed">
          <span>
            {message.reason ? t('message.failedWithReason', { reason: message.reason }) : t('message.failed')}
          </span>
          <button
            type="button"
            className="link-button"
            onClick={() => act(() => engine.retry(message.clientId))}
          >
            {t('message.retry')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => act(() => engine.discard(message.clientId))}
          >
            {t('message.discard')}
          </button>
        </div>
      )}
      {actionError && (
        <p role="alert" className="error small">
          {actionError}
        </p>
      )}
    </li>
  );
});
