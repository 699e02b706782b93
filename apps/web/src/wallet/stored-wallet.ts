// The shape check for a stored built-in wallet record, kept apart from builtin-wallet.ts so the
// initial bundle can tell whether a wallet exists without loading ethers.
import type { StoredWallet } from './builtin-wallet';

const ADDRESS = /^0x[0-9a-f]{40}$/;

export function parseStoredWallet(value: unknown): StoredWallet | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, address, keystore, createdAt } = value as Record<string, unknown>;
  if (version !== 1 || typeof address !== 'string' || !ADDRESS.test(address)) return undefined;
  if (typeof keystore !== 'string' || keystore.length === 0 || typeof createdAt !== 'number')
    return undefined;
  return { version, address, keystore, createdAt };
}
