// The built-in wallet's section: its address, and exporting the private key behind the
// passphrase.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/services';
import { loadStoredWallet } from '../../wallet/wallet-vault';
import { ExportKeyDialog } from './export-key-dialog';

export function WalletSettings() {
  const db = useDatabase();
  const { t } = useTranslation();
  const stored = useLiveQuery(async () => (await loadStoredWallet(db)) ?? null, [db]);
  const [exporting, setExporting] = useState(false);
  if (!stored) return null;
  return (
    <fieldset className="settings__group">
      <legend>{t('settings.builtinWallet')}</legend>
      <p>
        {t('settings.builtinAddress')} <code className="address">{stored.address}</code>
      </p>
      <p className="field__hint">{t('settings.exportHint')}</p>
      <div className="actions actions--start">
        <button type="button" className="button button--secondary" onClick={() => setExporting(true)}>
          {t('settings.exportKey')}
        </button>
      </div>
      {exporting && <ExportKeyDialog stored={stored} onClose={() => setExporting(false)} />}
    </fieldset>
  );
}
