// One ethers JsonRpcProvider per (URL, chain). The network is fixed (staticNetwork), so ethers
// never polls eth_chainId; instead the first use checks once that the URL really serves the chain
// it is configured for: a Sepolia URL in the Ethereum row would otherwise show testnet names and
// "confirm" testnet transactions as mainnet ones.
import { FetchRequest, JsonRpcProvider, Network } from 'ethers';
import { ChainError } from './chain-error';

export const RPC_TIMEOUT_MS = 15_000;

export interface RpcConnection {
  readonly url: string;
  readonly chainId: number;
  readonly provider: JsonRpcProvider;
  /** Resolves once the RPC has answered eth_chainId with `chainId`; rejects with a ChainError. */
  ready(): Promise<void>;
}

export function connectRpc(url: string, chainId: number, timeoutMs = RPC_TIMEOUT_MS): RpcConnection {
  const request = new FetchRequest(url);
  request.timeout = timeoutMs;
  const network = Network.from(chainId);
  const provider = new JsonRpcProvider(request, network, { staticNetwork: network });
  let checked: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    checked ??= provider.send('eth_chainId', []).then(
      (answer: unknown) => {
        if (typeof answer !== 'string' || !/^0x[0-9a-f]+$/i.test(answer))
          throw new ChainError('bad_response', 'eth_chainId: malformed answer');
        if (Number.parseInt(answer.slice(2), 16) !== chainId)
          throw new ChainError('wrong_chain', `RPC serves chain ${Number.parseInt(answer.slice(2), 16)}`);
      },
      (error: unknown) => {
        // A network failure is retried on the next use; a wrong chain stays refused.
        checked = undefined;
        throw new ChainError(
          'unreachable',
          error instanceof Error ? error.message.slice(0, 200) : 'RPC unreachable',
        );
      },
    );
    return checked;
  };
  return { url, chainId, provider, ready };
}
