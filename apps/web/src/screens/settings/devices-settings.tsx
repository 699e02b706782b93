// My devices, from my own device log as this device verified it (never the relay's say-so), with
// "Revoke" for the others. Revoking is a wallet signature: the wallet, not a device key, decides
// which devices speak for the account (docs/protocol.md §4).
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceLogStateFromJson } from '../../../../../packages/crypto/src/device-log/state-codec';
import type { AccountRow } from '../../../../../packages/engine/src/store/schema';
import { describeError } from '../../app/describe-error';
import { useDatabase, useEngine, useServices } from '../../app/services';
import { formatDayLabel } from '../../format/time-format';
import { findSigningWallet } from '../../wallet/signing-wallet';
import { useWalletSession } from '../../wallet/wallet-session';

export function DevicesSettings({ account }: { account: AccountRow }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const engine = useEngine();
  const { discovery } = useServices();
  const { wallet } = useWalletSession();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const devices = useLiveQuery(async () => {
    const row = await db.identities.get(account.address);
    return row ? deviceLogStateFromJson(row.state).devices : [];
  }, [db, account.address]);

  const revoke = async (deviceId: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const provider = await findSigningWallet(account.address, wallet, discovery);
      if (!provider) throw new Error(t('settings.devicesNoWallet'));
      await engine.revokeDevice(deviceId, provider);
      setConfirming(undefined);
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  // My log is re-read on open: a device linked from another browser shows here.
  useEffect(() => {
    engine.refreshDevices().catch((e: unknown) => console.warn('could not refresh devices', e));
  }, [engine]);

  const now = Date.now();
  return (
    <fieldset className="settings__group">
      <legend>{t('settings.devices')}</legend>
      <ul className="devices" aria-label={t('settings.devices')}>
        {(devices ?? []).map((d) => (
          <li key={d.deviceId} className="devices__row">
            <span>
              <code>{d.deviceId.slice(0, 8)}</code>{' '}
              {d.deviceId === account.deviceId ? (
                <strong>{t('settings.thisDevice')}</strong>
              ) : (
                <span className="muted small">
                  {t('settings.linkedOn', {
                    day: formatDayLabel(d.issuedAt, now, {
                      locale: i18n.language,
                      today: t('time.today'),
                      yesterday: t('time.yesterday'),
                    }),
                  })}
                </span>
              )}
            </span>
            {d.deviceId !== account.deviceId &&
              (confirming === d.deviceId ? (
                <span className="devices__confirm">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => setConfirming(undefined)}
                  >
                    {t('common.cancel')}
                  </button>
                  <button
                    type="button"
                    className="button button--danger button--small"
                    onClick={() => void revoke(d.deviceId)}
                    disabled={busy}
                    aria-busy={busy}
                  >
                    {t('settings.revokeConfirm')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={t('settings.revokeLabel', { device: d.deviceId.slice(0, 8) })}
                  onClick={() => setConfirming(d.deviceId)}
                >
                  {t('settings.revoke')}
                </button>
              ))}
          </li>
        ))}
      </ul>
      <p className="field__hint">{t('settings.devicesHint')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
