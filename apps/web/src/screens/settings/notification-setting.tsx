// Turning notifications on asks the browser for permission first; a refusal is explained.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { usePreference } from '../../preferences/use-preferences';

export function NotificationSetting() {
  const { t } = useTranslation();
  const { notifications } = useServices();
  const [enabled, setEnabled] = usePreference('notifications');
  const id = useId();
  const hintId = useId();
  const [permission, setPermission] = useState(() => notifications.permission());

  const onChange = async (on: boolean) => {
    if (on && permission !== 'granted') {
      const answer = await notifications.requestPermission();
      setPermission(answer);
      if (answer !== 'granted') return;
    }
    setEnabled(on);
  };

  const hint =
    permission === 'unsupported'
      ? t('settings.notificationsUnsupported')
      : permission === 'denied'
        ? t('settings.notificationsDenied')
        : t('settings.notificationsHint');
  return (
    <fieldset className="settings__group">
      <legend>{t('settings.notifications')}</legend>
      <div className="check">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={enabled && permission === 'granted'}
          aria-checked={enabled && permission === 'granted'}
          disabled={permission === 'unsupported' || permission === 'denied'}
          onChange={(e) => void onChange(e.target.checked)}
          aria-describedby={hintId}
        />
        <div>
          <label htmlFor={id}>{t('settings.notificationsLabel')}</label>
          <p id={hintId} className="field__hint">
            {hint}
          </p>
        </div>
      </div>
    </fieldset>
  );
}
