// First run: pick a wallet (or make one here), then sign in.
import { useTranslation } from 'react-i18next';
import { useFirstScreenMark } from '../../app/first-screen';
import { ShieldIcon } from '../../components/icons';
import { InstallButton } from '../../components/install-button';
import { Logo } from '../../components/logo';
import { useWalletSession } from '../../wallet/wallet-session';
import { SignInPanel } from './sign-in-panel';
import { WalletChooser } from './wallet-chooser';

export function OnboardingScreen() {
  const { wallet, setWallet } = useWalletSession();
  const { t } = useTranslation();
  useFirstScreenMark();
  return (
    <main id="main" tabIndex={-1} className="onboarding">
      <div className="onboarding__card">
        <header className="onboarding__brand">
          <Logo size={56} />
          <h1>Parley</h1>
          <p className="onboarding__tagline">{t('onboarding.tagline')}</p>
        </header>
        <ul className="onboarding__points">
          <li>
            <ShieldIcon />
            <span>{t('onboarding.pointEncrypted')}</span>
          </li>
          <li>
            <ShieldIcon />
            <span>{t('onboarding.pointWallet')}</span>
          </li>
          <li>
            <ShieldIcon />
            <span>{t('onboarding.pointLocal')}</span>
          </li>
        </ul>
        {wallet ? (
          <SignInPanel wallet={wallet} onBack={() => setWallet(undefined)} />
        ) : (
          <WalletChooser onConnected={setWallet} />
        )}
        <footer className="onboarding__footer">
          <a href="#/settings">{t('onboarding.settingsLink')}</a>
          <InstallButton className="button button--ghost button--small" />
        </footer>
      </div>
    </main>
  );
}
