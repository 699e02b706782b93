// Who is signed in, and signing out (which wipes this device's chats: the engine's signOut).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountRow } from '../../../../../packages/engine/src/store/schema';
import { describeError } from '../../app/describe-error';
import { useEngine } from '../../app/services';
import { Dialog } from '../../components/dialog';

export function AccountSettings({ account }: { account: AccountRow }) {
  const { t } = useTranslation();
  const engine = useEngine();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await engine.signOut();
      window.location.hash = '#/';
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="settings__group">
      <legend>{t('settings.account')}</legend>
      <p>
        {t('settings.signedInAs')} <code className="address">{account.address}</code>
      </p>
      <p className="field__hint">
        {t('settings.deviceId')} <code>{account.deviceId}</code>
      </p>
      <div className="actions actions--start">
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          {t('settings.signOut')}
        </button>
      </div>
      {confirming && (
        <Dialog
          title={t('settings.signOutTitle')}
          onClose={() => setConfirming(false)}
          description={<p>{t('settings.signOutBody')}</p>}
        >
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void signOut()}
              disabled={busy}
            >
              {t('settings.signOut')}
            </button>
          </div>
        </Dialog>
      )}
    </fieldset>
  );
}
