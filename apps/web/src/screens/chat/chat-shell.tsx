// The signed-in layout: conversation list beside the open thread (or settings). Under 768 px
// only one of the two shows, chosen by the route; the back link returns to the list.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../../packages/engine/src/store/schema';
import { useFirstScreenMark } from '../../app/first-screen';
import type { Route } from '../../app/route';
import { PlusIcon, SettingsIcon, UsersPlusIcon } from '../../components/icons';
import { Logo } from '../../components/logo';
import { useNewMessageNotifications } from '../../pwa/use-new-message-notifications';
import { ConversationList } from './conversation-list';
import { EmptyPane } from './empty-pane';
import { NewConversationDialog } from './new-conversation-dialog';
import { NewGroupDialog } from './new-group-dialog';
import { useFocusRecovery } from './use-focus-recovery';

const loadThread = () => import('./thread');
const Thread = lazy(() => loadThread().then((m) => ({ default: m.Thread })));
const SettingsScreen = lazy(() =>
  import('../settings/settings-screen').then((m) => ({ default: m.SettingsScreen })),
);

export function ChatShell({ account, route }: { account: AccountRow; route: Route }) {
  const { t } = useTranslation();
  useFirstScreenMark();
  const [newOpen, setNewOpen] = useState<'dm' | 'group' | undefined>();
  useNewMessageNotifications(route.name === 'conversation' ? route.id : undefined);
  const selected = route.name === 'conversation' ? route.id : undefined;
  const { focusOnOpen } = useFocusRecovery(route);

  // Fetch the thread's chunk while the person is still looking at the list.
  useEffect(() => {
    const id = setTimeout(() => void loadThread(), 500);
    return () => clearTimeout(id);
  }, []);

  return (
    <div className={`shell ${route.name === 'home' ? 'shell--list' : 'shell--detail'}`}>
      <aside className="sidebar">
        <header className="sidebar__header">
          <div className="sidebar__brand">
            <Logo size={28} />
            <h1>Parley</h1>
          </div>
          <div className="sidebar__actions">
            <button
              type="button"
              className="button button--small"
              onClick={() => setNewOpen('dm')}
              title={t('conversations.new')}
            >
              <PlusIcon />
              <span className="button__label">{t('conversations.new')}</span>
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => setNewOpen('group')}
              aria-label={t('conversations.newGroup')}
              title={t('conversations.newGroup')}
            >
              <UsersPlusIcon />
            </button>
            <a
              href="#/settings"
              className="icon-button"
              aria-label={t('settings.title')}
              aria-current={route.name === 'settings' ? 'page' : undefined}
            >
              <SettingsIcon />
            </a>
          </div>
        </header>
        <ConversationList selectedId={selected} />
      </aside>
      <main id="main" tabIndex={-1} className="pane">
        <Suspense fallback={null}>
          {route.name === 'conversation' ? (
            <Thread key={route.id} conversationId={route.id} me={account.address} focusOnOpen={focusOnOpen} />
          ) : route.name === 'settings' ? (
            <SettingsScreen account={account} standalone={false} />
          ) : (
            <EmptyPane onNew={() => setNewOpen('dm')} />
          )}
        </Suspense>
      </main>
      {newOpen === 'dm' && (
        <NewConversationDialog me={account.address} onClose={() => setNewOpen(undefined)} />
      )}
      {newOpen === 'group' && <NewGroupDialog me={account.address} onClose={() => setNewOpen(undefined)} />}
    </div>
  );
}
