// The root component: contexts, settings effects, banners, and which screen to show.
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner, UpdateBanner } from '../components/banners';
import { Logo } from '../components/logo';
import { SignatureApprovalDialog } from '../screens/onboarding/signature-approval-dialog';
import { WalletSessionProvider } from '../wallet/wallet-session';
import { PreferencesEffects } from './preferences-effects';
import { type AppServices, ServicesProvider, useDatabase } from './services';
import { useRoute } from './use-route';

// Each screen is its own chunk: a signed-in person never downloads onboarding, and the thread's
// virtualiser is not in the initial bundle (docs/web.md, bundle budget).
const ChatShell = lazy(() => import('../screens/chat/chat-shell').then((m) => ({ default: m.ChatShell })));
const OnboardingScreen = lazy(() =>
  import('../screens/onboarding/onboarding-screen').then((m) => ({ default: m.OnboardingScreen })),
);
const SettingsScreen = lazy(() =>
  import('../screens/settings/settings-screen').then((m) => ({ default: m.SettingsScreen })),
);

function Splash() {
  return (
    <div className="splash" aria-busy="true">
      <Logo size={64} />
    </div>
  );
}

function Root() {
  const db = useDatabase();
  const route = useRoute();
  const { t } = useTranslation();
  // null: nobody signed in on this device; undefined: still reading.
  const account = useLiveQuery(async () => (await db.account.get('me')) ?? null, [db]);

  if (account === undefined) return <Splash />;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <div className="frame">
        <UpdateBanner />
        <ConnectionBanner />
        <Suspense fallback={<Splash />}>
          {account ? (
            <ChatShell account={account} route={route} />
          ) : route.name === 'settings' ? (
            <SettingsScreen account={undefined} standalone />
          ) : (
            <OnboardingScreen />
          )}
        </Suspense>
      </div>
    </>
  );
}

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesProvider services={services}>
      <WalletSessionProvider>
        <PreferencesEffects />
        <Root />
        <SignatureApprovalDialog />
      </WalletSessionProvider>
    </ServicesProvider>
  );
}
