// The three privacy switches the engine honours (preferences rows privacy.*).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreference } from '../../preferences/use-preferences';

type PrivacyKey = 'onlineStatus' | 'readReceipts' | 'typing';

function Toggle({ name, label, hint }: { name: PrivacyKey; label: string; hint: string }) {
  const [checked, setChecked] = usePreference(name);
  const id = useId();
  const hintId = useId();
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        onChange={(e) => setChecked(e.target.checked)}
        aria-describedby={hintId}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      </div>
    </div>
  );
}

export function PrivacySettings() {
  const { t } = useTranslation();
  return (
    <fieldset className="settings__group">
      <legend>{t('settings.privacy')}</legend>
      <Toggle name="onlineStatus" label={t('settings.onlineStatus')} hint={t('settings.onlineStatusHint')} />
      <Toggle name="readReceipts" label={t('settings.readReceipts')} hint={t('settings.readReceiptsHint')} />
      <Toggle name="typing" label={t('settings.typing')} hint={t('settings.typingHint')} />
    </fieldset>
  );
}
