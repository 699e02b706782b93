// Lists the wallets found through EIP-6963 (name and icon), plus the built-in wallet.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import { useServices } from '../../app/services';
import { WalletIcon } from '../../components/icons';
import type { DiscoveredWallet } from '../../wallet/eip6963';
import type { ConnectedWallet } from '../../wallet/wallet-session';
import { loadStoredWallet } from '../../wallet/wallet-vault';
import { CreateBuiltinWallet, UnlockBuiltinWallet } from './builtin-wallet-forms';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The first account from eth_requestAccounts, lowercased; undefined if there is none. */
export function firstAccount(accounts: unknown): string | undefined {
  if (!Array.isArray(accounts)) return undefined;
  const first: unknown = accounts[0];
  return typeof first === 'string' && ADDRESS.test(first) ? first.toLowerCase() : undefined;
}

export function WalletChooser({ onConnected }: { onConnected: (wallet: ConnectedWallet) => void }) {
  const { discovery, db } = useServices();
  const { t } = useTranslation();
  const headingId = useId();
  const builtinHeadingId = useId();
  const wallets = useSyncExternalStore(discovery.subscribe, discovery.wallets);
  const stored = useLiveQuery(async () => (await loadStoredWallet(db)) ?? null, [db]);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    discovery.start();
    return () => discovery.stop();
  }, [discovery]);

  const connect = async (w: DiscoveredWallet) => {
    setBusy(w.info.uuid);
    setError(undefined);
    try {
      const address = firstAccount(await w.provider.request({ method: 'eth_requestAccounts' }));
      if (!address) throw new Error(t('wallets.noAccount'));
      const name = w.legacy ? t('wallets.browserWallet') : w.info.name;
      onConnected({ provider: w.provider, address, name, builtin: false });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <section className="onboarding__section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('wallets.heading')}</h2>
        <p className="muted">{t('wallets.intro')}</p>
        {wallets.length > 0 ? (
          <ul className="wallet-list">
            {wallets.map((w) => (
              <li key={w.info.uuid}>
                <button
                  type="button"
                  className="wallet-option"
                  onClick={() => void connect(w)}
                  disabled={busy !== undefined}
                  aria-busy={busy === w.info.uuid}
                >
                  {w.info.icon ? (
                    <img src={w.info.icon} alt="" width={32} height={32} />
                  ) : (
                    <span className="wallet-option__icon">
                      <WalletIcon />
                    </span>
                  )}
                  <span>{w.legacy ? t('wallets.browserWallet') : w.info.name}</span>
                  {busy === w.info.uuid && <span className="spinner" aria-hidden="true" />}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="notice">{t('wallets.noneFound')}</p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
      <section className="onboarding__section" aria-labelledby={builtinHeadingId}>
        <h2 id={builtinHeadingId}>{t('builtin.heading')}</h2>
        {stored === undefined ? null : stored ? (
          <UnlockBuiltinWallet stored={stored} onUnlocked={onConnected} />
        ) : creating ? (
          <CreateBuiltinWallet onCreated={onConnected} onCancel={() => setCreating(false)} />
        ) : (
          <>
            <p className="muted">{t('builtin.intro')}</p>
            <button type="button" className="button button--secondary" onClick={() => setCreating(true)}>
              {t('builtin.create')}
            </button>
          </>
        )}
      </section>
    </>
  );
}
