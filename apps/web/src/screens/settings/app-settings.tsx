// Install Parley (where the browser offers it) and the build it is running.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { InstallButton } from '../../components/install-button';

export function AppSettings() {
  const { t } = useTranslation();
  const { installPrompt } = useServices();
  const canInstall = useSyncExternalStore(installPrompt.subscribe, installPrompt.canInstall);
  return (
    <fieldset className="settings__group">
      <legend>{t('settings.app')}</legend>
      <p className="field__hint">
        {canInstall ? t('settings.installHint') : t('settings.installUnavailable')}
      </p>
      <div className="actions actions--start">
        <InstallButton />
      </div>
      <p className="field__hint">{t('settings.version', { version: __APP_VERSION__ })}</p>
    </fieldset>
  );
}
