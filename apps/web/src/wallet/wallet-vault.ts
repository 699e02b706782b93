// Where the built-in wallet's encrypted keystore is kept: one row of the preferences table.
// Only the encrypted keystore is stored; see builtin-wallet.ts.
import type { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import type { StoredWallet } from './builtin-wallet';
import { parseStoredWallet } from './stored-wallet';

export const BUILTIN_WALLET_KEY = 'wallet.builtin';

export async function loadStoredWallet(db: ParleyDatabase): Promise<StoredWallet | undefined> {
  const row = await db.preferences.get(BUILTIN_WALLET_KEY);
  return parseStoredWallet(row?.value);
}

/**
 * Saves a new built-in wallet. Refuses to replace a different one: that would destroy the only
 * copy of its key.
 */
export async function saveStoredWallet(db: ParleyDatabase, stored: StoredWallet): Promise<void> {
  await db.transaction('rw', db.preferences, async () => {
    const existing = parseStoredWallet((await db.preferences.get(BUILTIN_WALLET_KEY))?.value);
    if (existing && existing.address !== stored.address) {
      throw new Error('a different built-in wallet already exists in this browser');
    }
    await db.preferences.put({ key: BUILTIN_WALLET_KEY, value: stored });
  });
}
