// "Install Parley", shown only while the browser offers installation (beforeinstallprompt).
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';

export function InstallButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { installPrompt } = useServices();
  const canInstall = useSyncExternalStore(installPrompt.subscribe, installPrompt.canInstall);
  if (!canInstall) return null;
  return (
    <button
      type="button"
      className={className ?? 'button button--secondary'}
      onClick={() => void installPrompt.install()}
    >
      {t('settings.install')}
    </button>
  );
}
