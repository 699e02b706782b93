// Shows the built-in wallet's private key after the passphrase is entered again. The key lives
// only in this dialog's state and is dropped when it closes.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/describe-error';
import { Dialog } from '../../components/dialog';
import type { StoredWallet } from '../../wallet/builtin-wallet';

export function ExportKeyDialog({ stored, onClose }: { stored: StoredWallet; onClose: () => void }) {
  const { t } = useTranslation();
  const passId = useId();
  const keyId = useId();
  const errorId = useId();
  const [passphrase, setPassphrase] = useState('');
  const [key, setKey] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { exportPrivateKey } = await import('../../wallet/builtin-connect');
      setKey(await exportPrivateKey(stored, passphrase));
      setPassphrase('');
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!key) return;
    await navigator.clipboard.writeText(key);
    setCopied(true);
  };

  return (
    <Dialog
      title={t('exportKey.title')}
      onClose={onClose}
      description={<p className="warning">{t('exportKey.warning')}</p>}
    >
      {key ? (
        <div className="stack">
          <div className="field">
            <label htmlFor={keyId}>{t('exportKey.keyLabel')}</label>
            <input
              id={keyId}
              className="mono"
              type="text"
              readOnly
              value={key}
              onFocus={(e) => e.target.select()}
            />
          </div>
          <p className="sr-only" role="status">
            {copied ? t('exportKey.copied') : ''}
          </p>
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => void copy()}>
              {copied ? t('exportKey.copied') : t('exportKey.copy')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('exportKey.done')}
            </button>
          </div>
        </div>
      ) : (
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
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
              data-autofocus
            />
          </div>
          {error && (
            <p id={errorId} role="alert" className="error">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="button"
              disabled={busy || passphrase.length === 0}
              aria-busy={busy}
            >
              {t('exportKey.reveal')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
