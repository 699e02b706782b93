// Settings, stored in the preferences table (one row each). Every control saves on change.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../../packages/engine/src/store/schema';
import { useFirstScreenMark } from '../../app/first-screen';
import { BackIcon } from '../../components/icons';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import type { LanguagePreference, ThemePreference } from '../../preferences/preferences';
import { usePreference } from '../../preferences/use-preferences';
import { AccountSettings } from './account-settings';
import { AppSettings } from './app-settings';
import { ChainSettings } from './chain-settings';
import { DevicesSettings } from './devices-settings';
import { NotificationSetting } from './notification-setting';
import { PrivacySettings } from './privacy-settings';
import { WalletSettings } from './wallet-settings';

const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];

export function SettingsScreen({
  account,
  standalone,
}: {
  account: AccountRow | undefined;
  standalone: boolean;
}) {
  const { t } = useTranslation();
  useFirstScreenMark();
  const [theme, setTheme] = usePreference('theme');
  const [language, setLanguage] = usePreference('language');
  const headingId = useId();
  const languageId = useId();

  const content = (
    <section className="settings" aria-labelledby={headingId}>
      <header className="settings__header">
        <a href="#/" className="icon-button settings__back" aria-label={t('settings.back')}>
          <BackIcon />
        </a>
        {standalone ? (
          <h1 id={headingId}>{t('settings.title')}</h1>
        ) : (
          <h2 id={headingId}>{t('settings.title')}</h2>
        )}
      </header>

      <fieldset className="settings__group">
        <legend>{t('settings.theme')}</legend>
        <div className="segmented">
          {THEMES.map((option) => (
            <label key={option} className="segmented__option">
              <input
                type="radio"
                name="theme"
                value={option}
                checked={theme === option}
                onChange={() => setTheme(option)}
              />
              <span>{t(`settings.theme_${option}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="settings__group">
        <label htmlFor={languageId} className="settings__label">
          {t('settings.language')}
        </label>
        <select
          id={languageId}
          value={language}
          onChange={(e) => setLanguage(e.target.value as LanguagePreference)}
        >
          <option value="auto">{t('settings.languageAuto')}</option>
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {LANGUAGE_NAMES[lng]}
            </option>
          ))}
        </select>
      </div>

      <NotificationSetting />
      <PrivacySettings />
      <WalletSettings />
      <ChainSettings />
      {account && <DevicesSettings account={account} />}
      {account && <AccountSettings account={account} />}
      <AppSettings />
    </section>
  );

  return standalone ? (
    <main id="main" tabIndex={-1} className="settings-page">
      {content}
    </main>
  ) : (
    content
  );
}
