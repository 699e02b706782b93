// Test double: an EIP-1193 provider over a real ethers Wallet (real secp256k1 signatures), the way
// an injected extension answers eth_requestAccounts, personal_sign and eth_signTypedData_v4.
import { getBytes, Wallet } from 'ethers';
import type { Eip1193Provider } from '../../src/engine-api';

export class TestWallet implements Eip1193Provider {
  readonly wallet: Wallet;
  /** How many personal_sign prompts the person would have seen. */
  signatures = 0;
  /** How many eth_signTypedData_v4 prompts (trade offers and answers). */
  typedSignatures = 0;

  constructor(wallet: Wallet = new Wallet(Wallet.createRandom().privateKey)) {
    this.wallet = wallet;
  }

  get address(): string {
    return this.wallet.address.toLowerCase();
  }

  async request(args: {
    method: string;
    params?: readonly unknown[] | Record<string, unknown>;
  }): Promise<unknown> {
    switch (args.method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return [this.wallet.address];
      case 'personal_sign': {
        const params = Array.isArray(args.params) ? args.params : [];
        const [data, address] = params;
        if (typeof data !== 'string' || typeof address !== 'string')
          throw new Error('bad personal_sign params');
        if (address.toLowerCase() !== this.address) throw new Error('personal_sign for another account');
        this.signatures++;
        return this.wallet.signMessage(data.startsWith('0x') ? getBytes(data) : data);
      }
      case 'eth_signTypedData_v4': {
        // As browser wallets take it: [address, JSON string with EIP712Domain among the types].
        const params = Array.isArray(args.params) ? args.params : [];
        const [address, json] = params;
        if (typeof address !== 'string' || typeof json !== 'string') throw new Error('bad typed-data params');
        if (address.toLowerCase() !== this.address) throw new Error('typed data for another account');
        const typed = JSON.parse(json) as {
          domain: Record<string, unknown>;
          types: Record<string, Array<{ name: string; type: string }>>;
          message: Record<string, unknown>;
        };
        const { EIP712Domain: _domain, ...types } = typed.types;
        this.typedSignatures++;
        return this.wallet.signTypedData(typed.domain, types, typed.message);
      }
      default:
        throw new Error(`unsupported method ${args.method}`);
    }
  }
}
