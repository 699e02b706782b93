// The wallet chosen in this tab: an extension found through EIP-6963, or the built-in wallet
// once unlocked. Held in memory only; the built-in key is never written anywhere unencrypted.
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { Eip1193Provider } from '../../../../packages/engine/src/engine-api';

export interface ConnectedWallet {
  readonly provider: Eip1193Provider;
  /** Lowercase 0x-hex, from eth_requestAccounts. */
  readonly address: string;
  /** The wallet's name as shown (EIP-6963 name, or the built-in wallet's label). */
  readonly name: string;
  readonly builtin: boolean;
}

interface WalletSession {
  readonly wallet: ConnectedWallet | undefined;
  setWallet(wallet: ConnectedWallet | undefined): void;
}

const WalletSessionContext = createContext<WalletSession | null>(null);

export function WalletSessionProvider({ children }: { children: ReactNode }) {
  const [wallet, setWallet] = useState<ConnectedWallet | undefined>(undefined);
  const value = useMemo(() => ({ wallet, setWallet }), [wallet]);
  return <WalletSessionContext.Provider value={value}>{children}</WalletSessionContext.Provider>;
}

export function useWalletSession(): WalletSession {
  const session = useContext(WalletSessionContext);
  if (!session) throw new Error('useWalletSession outside WalletSessionProvider');
  return session;
}
