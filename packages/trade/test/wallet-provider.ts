// A real EIP-1193 wallet for tests: an ethers Wallet answering eth_signTypedData_v4 the way browser
// wallets do (the payload is a JSON string whose types include EIP712Domain). It signs for real;
// nothing is mocked. `tamper` lets a test model a misbehaving wallet's answer.
import type { Wallet } from 'ethers';
import type { Eip1193Provider } from '../src/eip1193';

interface Payload {
  domain: Record<string, unknown>;
  types: Record<string, Array<{ name: string; type: string }>>;
  message: Record<string, unknown>;
}

export interface WalletProviderOptions {
  /** Rewrites the signature before it is returned (a wallet that answers oddly). */
  readonly tamper?: (signature: string) => string;
  /** Refuses every signing request as a user would (EIP-1193 error 4001). */
  readonly refuse?: boolean;
}

/** Signing requests the provider received, for tests that check what the wallet was shown. */
export interface RecordingProvider extends Eip1193Provider {
  readonly requests: Array<{ method: string; params: unknown }>;
}

export function walletProvider(
  wallets: readonly Wallet[],
  options: WalletProviderOptions = {},
): RecordingProvider {
  const requests: Array<{ method: string; params: unknown }> = [];
  const byAddress = new Map(wallets.map((w) => [w.address.toLowerCase(), w]));
  return {
    requests,
    async request({ method, params }) {
      requests.push({ method, params });
      if (method === 'eth_accounts' || method === 'eth_requestAccounts') return wallets.map((w) => w.address);
      if (method !== 'eth_signTypedData_v4')
        throw Object.assign(new Error('unsupported method'), { code: 4200 });
      if (options.refuse) throw Object.assign(new Error('User rejected the request.'), { code: 4001 });
      if (!Array.isArray(params) || typeof params[0] !== 'string' || typeof params[1] !== 'string') {
        throw Object.assign(new Error('invalid params'), { code: -32602 });
      }
      const wallet = byAddress.get(params[0].toLowerCase());
      if (wallet === undefined) throw Object.assign(new Error('unknown account'), { code: 4100 });
      const payload = JSON.parse(params[1]) as Payload;
      // ethers derives the domain type itself and refuses EIP712Domain among the types.
      const { EIP712Domain: _domainType, ...types } = payload.types;
      const signature = await wallet.signTypedData(payload.domain, types, payload.message);
      return options.tamper ? options.tamper(signature) : signature;
    },
  };
}
