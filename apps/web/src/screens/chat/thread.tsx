// One conversation: header, the virtualised message list, and the composer.
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusIfLost } from '../../app/focus';
import { useDatabase } from '../../app/services';
import { useEnsAvatar, useEnsName } from '../../chain/use-ens';
import { conversationTitle } from '../../chat/conversation-title';
import { Avatar } from '../../components/avatar';
import { AlertIcon, BackIcon, ShieldIcon, SwapIcon, UsersIcon } from '../../components/icons';
import { shortAddress } from '../../format/address';
import { formatClock } from '../../format/time-format';
import { Composer } from './composer';
import { MembersDialog } from './members-dialog';
import { MessageList } from './message-list';
import { ReplyProvider } from './reply-context';
import { SafetyNumberDialog } from './safety-number-dialog';
import { usePresence, useTyping } from './use-activity';

const ShareNftDialog = lazy(() =>
  import('../../web3/share-nft-dialog').then((m) => ({ default: m.ShareNftDialog })),
);
const ShareTxDialog = lazy(() =>
  import('../../web3/share-tx-dialog').then((m) => ({ default: m.ShareTxDialog })),
);
const ProposalDialog = lazy(() =>
  import('../../trade/proposal-dialog').then((m) => ({ default: m.ProposalDialog })),
);

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
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conversation = useLiveQuery(
    async () => (await db.conversations.get(conversationId)) ?? null,
    [db, conversationId],
  );
  const peer = conversation?.peer;
  // The peer's verified device log: "verified" mark and when their devices last changed.
  const identity = useLiveQuery(async () => (peer ? await db.identities.get(peer) : undefined), [db, peer]);
  const [panel, setPanel] = useState<'members' | 'safety' | 'trade' | 'nft' | 'tx' | undefined>();
  // With an Ethereum RPC URL in Settings: the peer's verified ENS name and avatar.
  const ensName = useEnsName(conversation?.name ? undefined : peer);
  const avatarUrl = useEnsAvatar(peer);
  const typing = useTyping(conversationId);
  const presence = usePresence(peer);
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
  const title = ensName ?? conversationTitle(conversation) ?? t('conversations.unnamedGroup');
  // Under the name: typing beats online status; the address when there is neither.
  const activity =
    typing.length > 0
      ? conversation.kind === 'dm'
        ? t('activity.typing')
        : t('activity.typingIn', { who: typing.map(shortAddress).join(', '), count: typing.length })
      : presence?.online
        ? t('activity.online')
        : presence?.lastSeen !== undefined
          ? t('activity.lastSeen', { time: formatClock(presence.lastSeen, { locale: i18n.language }) })
          : undefined;
  return (
    <ReplyProvider>
      <section className="thread" aria-labelledby={headingId}>
        <header className="thread__header">
          <a href="#/" className="icon-button thread__back" aria-label={t('thread.back')}>
            <BackIcon />
          </a>
          <Avatar
            seed={conversation.peer ?? conversation.id}
            label={title}
            size={36}
            {...(avatarUrl ? { imageUrl: avatarUrl } : {})}
          />
          <div className="thread__title">
            <h2 id={headingId} ref={headingRef} tabIndex={-1}>
              {title}
            </h2>
            {activity ? (
              <span className="muted small thread__activity" aria-live="polite">
                {activity}
              </span>
            ) : (
              conversation.peer && (
                <span className="muted small address-full" title={conversation.peer}>
                  {conversation.peer}
                </span>
              )
            )}
          </div>
          <div className="thread__actions">
            {conversation.kind === 'group' ? (
              <button
                type="button"
                className="icon-button"
                aria-label={t('members.open')}
                title={t('members.open')}
                onClick={() => setPanel('members')}
              >
                <UsersIcon />
              </button>
            ) : (
              <button
                type="button"
                className="icon-button"
                aria-label={t('trade.propose')}
                title={t('trade.propose')}
                onClick={() => setPanel('trade')}
                disabled={conversation.active === false}
              >
                <SwapIcon />
              </button>
            )}
            {conversation.kind === 'dm' && (
              <button
                type="button"
                className={identity?.safetyVerified ? 'icon-button icon-button--verified' : 'icon-button'}
                aria-label={t('safety.open')}
                title={identity?.safetyVerified ? t('safety.verified', { name: title }) : t('safety.open')}
                onClick={() => setPanel('safety')}
              >
                <ShieldIcon />
              </button>
            )}
          </div>
        </header>
        {identity?.devicesChangedAt !== undefined && !identity.safetyVerified && (
          <div className="banner thread__notice" role="status">
            <AlertIcon width={16} height={16} aria-hidden="true" />
            <span>{t('safety.changed', { name: title })}</span>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setPanel('safety')}
            >
              {t('safety.compare')}
            </button>
          </div>
        )}
        <MessageList conversation={conversation} me={me} group={conversation.kind === 'group'} />
        {conversation.active === false ? (
          <p className="thread__removed" role="status">
            {t('members.removedNotice')}
          </p>
        ) : (
          <Composer conversationId={conversationId} onShare={(what) => setPanel(what)} />
        )}
        {panel === 'members' && (
          <MembersDialog
            conversation={conversation}
            title={title}
            me={me}
            onClose={() => setPanel(undefined)}
          />
        )}
        {panel === 'nft' && (
          <Suspense fallback={null}>
            <ShareNftDialog conversationId={conversationId} onClose={() => setPanel(undefined)} />
          </Suspense>
        )}
        {panel === 'tx' && (
          <Suspense fallback={null}>
            <ShareTxDialog
              conversationId={conversationId}
              me={me}
              {...(peer ? { peer } : {})}
              onClose={() => setPanel(undefined)}
            />
          </Suspense>
        )}
        {panel === 'trade' && peer && (
          <Suspense fallback={null}>
            <ProposalDialog
              conversationId={conversationId}
              me={me}
              peer={peer}
              onClose={() => setPanel(undefined)}
            />
          </Suspense>
        )}
        {panel === 'safety' && peer && (
          <SafetyNumberDialog peer={peer} name={title} onClose={() => setPanel(undefined)} />
        )}
      </section>
    </ReplyProvider>
  );
}
