// The "Message" box and "Send". Enter sends, Shift+Enter starts a new line. Sending commits
// locally through the engine and returns at once (DESIGN.md §3), so the box clears immediately.
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import { useEngine } from '../../app/services';
import { previewText, viewMessage } from '../../chat/message-view';
import { CloseIcon, PlusIcon, SendIcon } from '../../components/icons';
import { useReply } from './reply-context';

/** MAX_TEXT_CHARS in packages/protocol/src/limits.ts (code points). */
const MAX_MESSAGE_CHARS = 4000;

export function Composer({
  conversationId,
  onShare,
}: {
  conversationId: string;
  /** Opens the "Share NFT" or "Share transaction" dialog. */
  onShare?: (what: 'nft' | 'tx') => void;
}) {
  const { t } = useTranslation();
  const engine = useEngine();
  const [text, setText] = useState('');
  const { replyingTo, setReplyingTo } = useReply();
  const [shareOpen, setShareOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLTextAreaElement>(null);
  const errorId = useId();
  const counterId = useId();
  const length = [...text].length;
  const tooLong = length > MAX_MESSAGE_CHARS;
  const blank = text.trim().length === 0;

  // Grow with the text, up to the CSS max-height.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure whenever the text changes
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  useEffect(() => () => engine.setTyping(conversationId, false), [engine, conversationId]);
  // Choosing "Reply" puts the cursor where the answer goes.
  useEffect(() => {
    if (replyingTo) ref.current?.focus();
  }, [replyingTo]);

  const send = async () => {
    if (blank || tooLong) return;
    const body = text.trim();
    setText('');
    setError(undefined);
    engine.setTyping(conversationId, false);
    try {
      if (replyingTo) {
        const to = { senderDevice: replyingTo.senderDevice, clientId: replyingTo.clientId };
        await engine.send(conversationId, { type: 'reply', body, to });
        setReplyingTo(undefined);
      } else {
        await engine.send(conversationId, { type: 'text', body });
      }
    } catch (e) {
      // Nothing was committed: give the text back so nothing is lost.
      setText((current) => (current.length === 0 ? body : current));
      setError(describeError(e, t));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const describedBy = [error ? errorId : '', tooLong ? counterId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <form className="composer" onSubmit={onSubmit}>
      {replyingTo && (
        <div className="composer__reply">
          <span>
            {t('reactions.replyingTo', {
              text: previewText(viewMessage(replyingTo)) ?? t('reactions.missing'),
            })}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('reactions.cancelReply')}
            onClick={() => setReplyingTo(undefined)}
          >
            <CloseIcon width={16} height={16} />
          </button>
        </div>
      )}
      {error && (
        <p id={errorId} role="alert" className="error composer__error">
          {error}
        </p>
      )}
      {shareOpen && onShare && (
        <div className="composer__share">
          {(['nft', 'tx'] as const).map((what) => (
            <button
              key={what}
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setShareOpen(false);
                onShare(what);
              }}
            >
              {what === 'nft' ? t('web3.share.openNft') : t('web3.share.openTx')}
            </button>
          ))}
        </div>
      )}
      <div className="composer__row">
        {onShare && (
          <button
            type="button"
            className="icon-button composer__more"
            aria-label={t('web3.share.menu')}
            aria-expanded={shareOpen}
            onClick={() => setShareOpen((o) => !o)}
          >
            <PlusIcon />
          </button>
        )}
        <textarea
          ref={ref}
          className="composer__input"
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          rows={1}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            engine.setTyping(conversationId, e.target.value.length > 0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => engine.setTyping(conversationId, false)}
          aria-invalid={tooLong}
          aria-describedby={describedBy}
          enterKeyHint="send"
        />
        <button
          type="submit"
          className="composer__send"
          aria-label={t('composer.send')}
          disabled={blank || tooLong}
        >
          <SendIcon />
        </button>
      </div>
      {tooLong && (
        <p id={counterId} className="error small">
          {t('composer.tooLong', { count: length - MAX_MESSAGE_CHARS })}
        </p>
      )}
    </form>
  );
}
