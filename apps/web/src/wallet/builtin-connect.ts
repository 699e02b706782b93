// Glue between the built-in wallet and the app: create or unlock it, and wrap it as an EIP-1193
// provider whose every signature goes through the approval dialog. Loaded lazily (ethers).
import type { Eip1193Provider } from '../../../../packages/engine/src/engine-api';
import { createBuiltinProvider, type SignatureRequest } from './builtin-provider';
import {
  createBuiltinWallet,
  exportPrivateKey,
  type StoredWallet,
  unlockBuiltinWallet,
} from './builtin-wallet';

export interface BuiltinConnection {
  readonly provider: Eip1193Provider;
  readonly address: string;
}

export interface ConnectOptions {
  readonly chainId: number;
  readonly confirm: (request: SignatureRequest) => Promise<boolean>;
  readonly onProgress?: (fraction: number) => void;
}

export async function createAndConnect(
  passphrase: string,
  options: ConnectOptions,
): Promise<BuiltinConnection & { readonly stored: StoredWallet }> {
  const { stored, wallet } = await createBuiltinWallet(passphrase, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { stored, address: stored.address, provider: createBuiltinProvider(wallet, options) };
}

export async function unlockAndConnect(
  stored: StoredWallet,
  passphrase: string,
  options: ConnectOptions,
): Promise<BuiltinConnection> {
  const wallet = await unlockBuiltinWallet(
    stored,
    passphrase,
    options.onProgress ? { onProgress: options.onProgress } : {},
  );
  return { address: stored.address, provider: createBuiltinProvider(wallet, options) };
}

export { exportPrivateKey };
