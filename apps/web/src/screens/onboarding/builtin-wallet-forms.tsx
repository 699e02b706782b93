// Create or unlock the built-in wallet. scrypt takes a couple of seconds by design, so both
// show progress. ethers is loaded only when one of these forms is submitted.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import { useServices } from '../../app/services';
import { shortAddress } from '../../format/address';
import type { StoredWallet } from '../../wallet/builtin-wallet';
import type { ConnectedWallet } from '../../wallet/wallet-session';
import { saveStoredWallet } from '../../wallet/wallet-vault';

const MIN_PASSPHRASE_CHARS = 10;

function useProgress() {
  const [progress, setProgress] = useState<number | undefined>();
  return { progress, setProgress };
}

function KdfProgress({ value, label }: { value: number | undefined; label: string }) {
  if (value === undefined) return null;
  return (
    <div className="kdf-progress">
      <progress max={1} value={value} aria-label={label} />
      <span className="muted">{label}</span>
    </div>
  );
}

export function CreateBuiltinWallet({
  onCreated,
  onCancel,
}: {
  onCreated: (wallet: ConnectedWallet) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { db, approvals, chainId } = useServices();
  const ids = { pass: useId(), repeat: useId(), hint: useId(), understood: useId(), error: useId() };
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const { progress, setProgress } = useProgress();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ([...passphrase].length < MIN_PASSPHRASE_CHARS)
      return setError(t('builtin.tooShort', { count: MIN_PASSPHRASE_CHARS }));
    if (passphrase !== repeat) return setError(t('builtin.mismatch'));
    if (!understood) return setError(t('builtin.mustUnderstand'));
    setError(undefined);
    setProgress(0);
    try {
      const { createAndConnect } = await import('../../wallet/builtin-connect');
      const created = await createAndConnect(passphrase, {
        chainId,
        confirm: approvals.confirm,
        onProgress: setProgress,
      });
      await saveStoredWallet(db, created.stored);
      onCreated({
        provider: created.provider,
        address: created.address,
        name: t('builtin.name'),
        builtin: true,
      });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setProgress(undefined);
    }
  };

  const busy = progress !== undefined;
  return (
    <form
      className="stack"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={error ? ids.error : undefined}
    >
      <p className="muted">{t('builtin.createExplain')}</p>
      <div className="field">
        <label htmlFor={ids.pass}>{t('builtin.passphrase')}</label>
        <input
          id={ids.pass}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-describedby={ids.hint}
          disabled={busy}
          required
        />
        <p id={ids.hint} className="field__hint">
          {t('builtin.passphraseHint', { count: MIN_PASSPHRASE_CHARS })}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.repeat}>{t('builtin.repeat')}</label>
        <input
          id={ids.repeat}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          disabled={busy}
          required
        />
      </div>
      <div className="check">
        <input
          id={ids.understood}
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.target.checked)}
          disabled={busy}
        />
        <label htmlFor={ids.understood}>{t('builtin.understand')}</label>
      </div>
      {error && (
        <p id={ids.error} role="alert" className="error">
          {error}
        </p>
      )}
      <KdfProgress value={progress} label={t('builtin.encrypting')} />
      <div className="actions">
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button" disabled={busy}>
          {t('builtin.createSubmit')}
        </button>
      </div>
    </form>
  );
}

export function UnlockBuiltinWallet({
  stored,
  onUnlocked,
}: {
  stored: StoredWallet;
  onUnlocked: (wallet: ConnectedWallet) => void;
}) {
  const { t } = useTranslation();
  const { approvals, chainId } = useServices();
  const passId = useId();
  const errorId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { progress, setProgress } = useProgress();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setProgress(0);
    try {
      const { unlockAndConnect } = await import('../../wallet/builtin-connect');
      const unlocked = await unlockAndConnect(stored, passphrase, {
        chainId,
        confirm: approvals.confirm,
        onProgress: setProgress,
      });
      onUnlocked({
        provider: unlocked.provider,
        address: unlocked.address,
        name: t('builtin.name'),
        builtin: true,
      });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setProgress(undefined);
    }
  };

  const busy = progress !== undefined;
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <p className="muted">
        {t('builtin.existing')} <code title={stored.address}>{shortAddress(stored.address)}</code>
      </p>
      <div className="field">
        <label htmlFor={passId}>{t('builtin.passphrase')}</label>
        <input
          id={passId}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-invalid={error !== undefined}
          aria-describedby={error ? errorId : undefined}
          disabled={busy}
          required
        />
      </div>
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
      <KdfProgress value={progress} label={t('builtin.unlocking')} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy || passphrase.length === 0}>
          {t('builtin.unlock')}
        </button>
      </div>
    </form>
  );
}
