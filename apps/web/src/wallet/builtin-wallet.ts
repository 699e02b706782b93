// The built-in wallet: an Ethereum key made in this browser, kept only as an encrypted JSON
// keystore (Web3 Secret Storage v3: scrypt + AES-128-CTR, via ethers) under the person's
// passphrase. The decrypted key lives in memory only while the wallet is unlocked.
// This module is loaded lazily (it pulls in ethers), never from the initial bundle.
import { decryptKeystoreJson, encryptKeystoreJson, getAddress, hexlify, randomBytes, Wallet } from 'ethers';

/** What is stored (in the preferences table, wallet-vault.ts). Never holds the plain key. */
export interface StoredWallet {
  readonly version: 1;
  /** Lowercase 0x-hex, as on the wire. */
  readonly address: string;
  /** The encrypted keystore JSON. */
  readonly keystore: string;
  readonly createdAt: number;
}

export type WalletErrorKind = 'weak_passphrase' | 'wrong_passphrase' | 'corrupt_keystore';

export class WalletError extends Error {
  readonly kind: WalletErrorKind;
  constructor(kind: WalletErrorKind, message: string) {
    super(message);
    this.name = 'WalletError';
    this.kind = kind;
  }
}

/** ethers' default scrypt cost: about 2 s on a laptop, which is what makes a guess expensive. */
export const DEFAULT_SCRYPT_N = 2 ** 17;
export const MIN_PASSPHRASE_CHARS = 10;

export interface KdfOptions {
  /** scrypt N; only tests lower it. */
  readonly scryptN?: number;
  /** 0..1 while scrypt runs, for a progress bar. */
  readonly onProgress?: (fraction: number) => void;
}

/** Undefined when acceptable; otherwise why not. */
export function checkPassphrase(passphrase: string): WalletErrorKind | undefined {
  return [...passphrase].length >= MIN_PASSPHRASE_CHARS ? undefined : 'weak_passphrase';
}

/** Creates a fresh random key and its encrypted keystore; returns both (the wallet unlocked). */
export async function createBuiltinWallet(
  passphrase: string,
  options: KdfOptions & { readonly now?: number } = {},
): Promise<{ stored: StoredWallet; wallet: Wallet }> {
  if (checkPassphrase(passphrase)) {
    throw new WalletError(
      'weak_passphrase',
      `passphrase must have at least ${MIN_PASSPHRASE_CHARS} characters`,
    );
  }
  const wallet = new Wallet(hexlify(randomBytes(32)));
  const keystore = await encryptKeystoreJson(
    { address: wallet.address, privateKey: wallet.privateKey },
    passphrase,
    {
      scrypt: { N: options.scryptN ?? DEFAULT_SCRYPT_N },
      ...(options.onProgress ? { progressCallback: options.onProgress } : {}),
    },
  );
  return {
    stored: {
      version: 1,
      address: wallet.address.toLowerCase(),
      keystore,
      createdAt: options.now ?? Date.now(),
    },
    wallet,
  };
}

/** Decrypts the keystore. Throws WalletError('wrong_passphrase') when the passphrase is wrong. */
export async function unlockBuiltinWallet(
  stored: StoredWallet,
  passphrase: string,
  options: Pick<KdfOptions, 'onProgress'> = {},
): Promise<Wallet> {
  let account: { address: string; privateKey: string };
  try {
    account = await decryptKeystoreJson(stored.keystore, passphrase, options.onProgress);
  } catch (error) {
    // ethers checks the keystore MAC before decrypting: a wrong passphrase fails that check.
    if (error instanceof Error && /incorrect password/i.test(error.message)) {
      throw new WalletError('wrong_passphrase', 'wrong passphrase');
    }
    throw new WalletError('corrupt_keystore', 'the stored wallet cannot be read');
  }
  const wallet = new Wallet(account.privateKey);
  // The keystore names its address; a mismatch means the stored record was tampered with.
  if (wallet.address !== getAddress(stored.address)) {
    throw new WalletError('corrupt_keystore', 'the stored wallet does not match its address');
  }
  return wallet;
}

/** The private key (0x-hex) after the person re-enters the passphrase. */
export async function exportPrivateKey(
  stored: StoredWallet,
  passphrase: string,
  options: Pick<KdfOptions, 'onProgress'> = {},
): Promise<string> {
  const wallet = await unlockBuiltinWallet(stored, passphrase, options);
  return wallet.privateKey;
}
