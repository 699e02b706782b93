// The wallet that signs for this account (trade offers, revoking a device): the one connected in
// this tab if it holds my address, or else an extension announced through EIP-6963 that already
// lists my address in eth_accounts (asked without a prompt). These are wallet signatures, never a
// device key's.
import type { Eip1193Provider } from '../../../../packages/engine/src/engine-api';
import type { WalletDiscovery } from './eip6963';
import type { ConnectedWallet } from './wallet-session';

export async function findSigningWallet(
  me: string,
  connected: ConnectedWallet | undefined,
  discovery: WalletDiscovery,
): Promise<Eip1193Provider | undefined> {
  if (connected && connected.address === me) return connected.provider;
  discovery.start();
  for (const found of discovery.wallets()) {
    try {
      const accounts = await found.provider.request({ method: 'eth_accounts' });
      if (Array.isArray(accounts) && accounts.some((a) => typeof a === 'string' && a.toLowerCase() === me))
        return found.provider;
    } catch {
      // A wallet that will not answer without a prompt is skipped here.
    }
  }
  return undefined;
}
