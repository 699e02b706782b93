import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import { createBuiltinWallet, unlockBuiltinWallet } from './builtin-wallet';
import { BUILTIN_WALLET_KEY, loadStoredWallet, saveStoredWallet } from './wallet-vault';

let db: ParleyDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

const FAST = { scryptN: 2 ** 10 };

describe('wallet vault (preferences row)', () => {
  it('keeps the encrypted keystore across a reopen of the database, and unlocks it', async () => {
    const name = `vault-${Math.random()}`;
    db = new ParleyDatabase(name, { indexedDB, IDBKeyRange });
    expect(await loadStoredWallet(db)).toBeUndefined();
    const { stored, wallet } = await createBuiltinWallet('a long passphrase', FAST);
    await saveStoredWallet(db, stored);
    db.close();
    db = new ParleyDatabase(name, { indexedDB, IDBKeyRange });
    const loaded = await loadStoredWallet(db);
    expect(loaded).toEqual(stored);
    if (!loaded) throw new Error('missing');
    expect((await unlockBuiltinWallet(loaded, 'a long passphrase')).address).toBe(wallet.address);
    const raw = JSON.stringify((await db.preferences.get(BUILTIN_WALLET_KEY))?.value);
    expect(raw).not.toContain(wallet.privateKey.slice(2));
  });

  it('refuses to overwrite a different wallet', async () => {
    db = new ParleyDatabase(`vault-${Math.random()}`, { indexedDB, IDBKeyRange });
    const a = await createBuiltinWallet('a long passphrase', FAST);
    const b = await createBuiltinWallet('a long passphrase', FAST);
    await saveStoredWallet(db, a.stored);
    await expect(saveStoredWallet(db, b.stored)).rejects.toThrow(/already exists/);
    expect((await loadStoredWallet(db))?.address).toBe(a.stored.address);
  });

  it('reads a malformed row as no wallet', async () => {
    db = new ParleyDatabase(`vault-${Math.random()}`, { indexedDB, IDBKeyRange });
    await db.preferences.put({ key: BUILTIN_WALLET_KEY, value: { version: 1, address: 'nope' } });
    expect(await loadStoredWallet(db)).toBeUndefined();
  });
});
