// Under each listed message: its reactions (a chip per emoji with its count; mine are pressed and
// clicking toggles mine), and the actions "Reply" and "React" (a few quick emoji). All keyboard
// reachable; the toolbar opens on demand so the thread stays quiet.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageRow } from '../../../../../packages/engine/src/store/schema';
import { useEngine } from '../../app/services';
import { useReply } from './reply-context';

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🔥', '🤝'] as const;

export function MessageActions({ message, me }: { message: MessageRow; me: string | undefined }) {
  const { t } = useTranslation();
  const engine = useEngine();
  const { setReplyingTo } = useReply();
  const [open, setOpen] = useState(false);
  const reactions = Object.entries(message.reactions ?? {}).filter(([, who]) => who.length > 0);
  const to = { senderDevice: message.senderDevice, clientId: message.clientId };
  const mine = (emoji: string) => me !== undefined && (message.reactions?.[emoji] ?? []).includes(me);
  const toggle = (emoji: string) => {
    setOpen(false);
    void engine
      .send(message.conversationId, { type: 'reaction', emoji, to, ...(mine(emoji) ? { remove: true } : {}) })
      .catch((e: unknown) => console.warn('reaction not sent', e));
  };
  // Only messages the relay has ordered can be answered: the reference must resolve on every device.
  if (message.seq === undefined) return null;
  return (
    <div className="message__actions">
      {reactions.length > 0 && (
        <ul className="reactions" aria-label={t('reactions.label')}>
          {reactions.map(([emoji, who]) => (
            <li key={emoji}>
              <button
                type="button"
                className="reaction"
                aria-pressed={mine(emoji)}
                aria-label={t('reactions.chip', { emoji, count: who.length })}
                onClick={() => toggle(emoji)}
              >
                {emoji} <span>{who.length}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="message__tools">
        <button type="button" className="link-button" onClick={() => setReplyingTo(message)}>
          {t('reactions.reply')}
        </button>
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t('reactions.react')}
        </button>
        {open && (
          <span className="quick-reactions">
            {QUICK_REACTIONS.map((emoji) => (
              <button
                key={emoji}
                type="button"
                className="reaction"
                aria-label={t('reactions.add', { emoji })}
                onClick={() => toggle(emoji)}
              >
                {emoji}
              </button>
            ))}
          </span>
        )}
      </div>
    </div>
  );
}
