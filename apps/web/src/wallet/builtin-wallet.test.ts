import { Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  checkPassphrase,
  createBuiltinWallet,
  DEFAULT_SCRYPT_N,
  exportPrivateKey,
  unlockBuiltinWallet,
  WalletError,
} from './builtin-wallet';
import { parseStoredWallet } from './stored-wallet';

// A low scrypt cost keeps these tests fast; one test below checks the real default.
const FAST = { scryptN: 2 ** 10 };
const PASS = 'correct horse battery';

async function expectWalletError(promise: Promise<unknown>, kind: WalletError['kind']): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WalletError);
  expect((error as WalletError).kind).toBe(kind);
}

describe('built-in wallet', () => {
  it('creates a random key, stores only the encrypted keystore, and unlocks it with the passphrase', async () => {
    const { stored, wallet } = await createBuiltinWallet(PASS, { ...FAST, now: 1234 });
    expect(stored.address).toBe(wallet.address.toLowerCase());
    expect(stored.createdAt).toBe(1234);
    expect(stored.keystore).not.toContain(wallet.privateKey.slice(2));
    expect(JSON.stringify(stored)).not.toContain(wallet.privateKey.slice(2));
    const unlocked = await unlockBuiltinWallet(stored, PASS);
    expect(unlocked.address).toBe(wallet.address);
    expect(unlocked.privateKey).toBe(wallet.privateKey);
  });

  it('makes a different key each time', async () => {
    const a = await createBuiltinWallet(PASS, FAST);
    const b = await createBuiltinWallet(PASS, FAST);
    expect(a.stored.address).not.toBe(b.stored.address);
  });

  it('refuses a wrong passphrase', async () => {
    const { stored } = await createBuiltinWallet(PASS, FAST);
    await expectWalletError(unlockBuiltinWallet(stored, 'correct horse battery!'), 'wrong_passphrase');
    await expectWalletError(exportPrivateKey(stored, ''), 'wrong_passphrase');
  });

  it('exports the private key only after the passphrase is entered again', async () => {
    const { stored, wallet } = await createBuiltinWallet(PASS, FAST);
    const key = await exportPrivateKey(stored, PASS);
    expect(key).toMatch(/^0x[0-9a-f]{64}$/);
    expect(new Wallet(key).address).toBe(wallet.address);
  });

  it('reports scrypt progress', async () => {
    const seen: number[] = [];
    const { stored } = await createBuiltinWallet(PASS, { ...FAST, onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    const unlockSeen: number[] = [];
    await unlockBuiltinWallet(stored, PASS, { onProgress: (f) => unlockSeen.push(f) });
    expect(unlockSeen.at(-1)).toBe(1);
  });

  it('refuses a short passphrase before doing any work', async () => {
    expect(checkPassphrase('123456789')).toBe('weak_passphrase');
    expect(checkPassphrase('1234567890')).toBeUndefined();
    await expectWalletError(createBuiltinWallet('short', FAST), 'weak_passphrase');
  });

  it('catches a stored record whose address was swapped', async () => {
    const { stored } = await createBuiltinWallet(PASS, FAST);
    const other = Wallet.createRandom().address.toLowerCase();
    await expectWalletError(unlockBuiltinWallet({ ...stored, address: other }, PASS), 'corrupt_keystore');
    await expectWalletError(
      unlockBuiltinWallet({ ...stored, keystore: '{"nope":1}' }, PASS),
      'corrupt_keystore',
    );
  });

  it('uses the full scrypt cost by default', async () => {
    const { stored } = await createBuiltinWallet(PASS);
    const json = JSON.parse(stored.keystore) as { Crypto?: { kdfparams?: { n?: number } } };
    expect(json.Crypto?.kdfparams?.n).toBe(DEFAULT_SCRYPT_N);
    expect(DEFAULT_SCRYPT_N).toBeGreaterThanOrEqual(2 ** 17);
  }, 30_000);

  it('reads back a stored record and rejects malformed ones', async () => {
    const { stored } = await createBuiltinWallet(PASS, FAST);
    expect(parseStoredWallet(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(parseStoredWallet({ ...stored, version: 2 })).toBeUndefined();
    expect(parseStoredWallet({ ...stored, address: stored.address.toUpperCase() })).toBeUndefined();
    expect(parseStoredWallet({ ...stored, keystore: '' })).toBeUndefined();
    expect(parseStoredWallet(null)).toBeUndefined();
  });
});
