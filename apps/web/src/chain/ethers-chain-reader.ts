// The ChainReader port (packages/trade/src/assets/chain-reader.ts) over ethers JsonRpcProvider.
// Each chain's RPC comes from `connectionFor`, asked on every call, so a URL changed in Settings
// applies at once. Answers are cached briefly (ttl-cache.ts): token facts that never change for
// an hour, holdings for 15 s, so "re-checked before accepting" is at most 15 s stale.
//
// What the chain returns is the contract's claim: symbols are cleaned for display and stay
// "unverified" to the trade UI; a missing or reverting method is "no answer" (undefined), while a
// network failure is an error (ChainError), so "does not hold" is never shown for "could not ask".
import type { ChainReader } from '@parley/trade';
import { Contract, decodeBytes32String, isError } from 'ethers';
import { ChainError } from './chain-error';
import { displayText } from './display-text';
import type { RpcConnection } from './rpc-connection';
import { TtlCache } from './ttl-cache';

const HOUR = 3_600_000;
const FACT_TTL = HOUR;
const URI_TTL = 10 * 60_000;
const HOLDING_TTL = 15_000;
const MAX_SYMBOL_CHARS = 32;
/** On-chain metadata (data: URIs with SVG) can be large; anything past this is not shown. */
export const MAX_TOKEN_URI_CHARS = 512 * 1024;

const ERC20 = [
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function balanceOf(address) view returns (uint256)',
];
/** Old tokens (MKR, SAI) return symbol() as bytes32. */
const ERC20_BYTES32 = ['function symbol() view returns (bytes32)'];
const ERC721 = [
  'function ownerOf(uint256) view returns (address)',
  'function tokenURI(uint256) view returns (string)',
];
const ERC1155 = [
  'function balanceOf(address, uint256) view returns (uint256)',
  'function uri(uint256) view returns (string)',
];
const SEAPORT = ['function getCounter(address) view returns (uint256)'];
const ZERO = '0x0000000000000000000000000000000000000000';

export type ConnectionFor = (chainId: number) => Promise<RpcConnection | undefined>;

/** One cache for every reader of the tab: readers are cheap views over it. */
const sharedCache = new TtlCache(2000);

export function createChainReader(connectionFor: ConnectionFor, cache: TtlCache = sharedCache): ChainReader {
  const connect = async (chainId: number): Promise<RpcConnection> => {
    const connection = await connectionFor(chainId);
    if (!connection) throw new ChainError('no_rpc', `no RPC for chain ${chainId}`);
    await connection.ready();
    return connection;
  };
  const cached = <T>(chainId: number, key: string, ttl: number, load: (c: RpcConnection) => Promise<T>) =>
    connect(chainId).then((c) => cache.get(`${c.url}|${chainId}|${key}`, ttl, () => load(c)));

  return {
    tokenSymbol: (chainId, contract) =>
      cached(chainId, `symbol:${contract.toLowerCase()}`, FACT_TTL, async (c) => {
        const answer = await noAnswerOnRevert(() =>
          new Contract(contract, ERC20, c.provider).getFunction('symbol')(),
        );
        if (answer !== undefined) return displayText(answer, MAX_SYMBOL_CHARS);
        const raw = await noAnswerOnRevert(() =>
          new Contract(contract, ERC20_BYTES32, c.provider).getFunction('symbol')(),
        );
        if (typeof raw !== 'string') return undefined;
        try {
          return displayText(decodeBytes32String(raw), MAX_SYMBOL_CHARS);
        } catch {
          return undefined;
        }
      }),

    tokenDecimals: (chainId, contract) =>
      cached(chainId, `decimals:${contract.toLowerCase()}`, FACT_TTL, async (c) => {
        const answer = await noAnswerOnRevert(() =>
          new Contract(contract, ERC20, c.provider).getFunction('decimals')(),
        );
        // uint8 allows 255; no real token has more than 77 (a uint256 has 78 digits).
        return typeof answer === 'bigint' && answer <= 77n ? Number(answer) : undefined;
      }),

    ownerOf: (chainId, contract, tokenId) =>
      cached(chainId, `owner:${contract.toLowerCase()}:${tokenId}`, HOLDING_TTL, async (c) => {
        const answer = await noAnswerOnRevert(() =>
          new Contract(contract, ERC721, c.provider).getFunction('ownerOf')(tokenId),
        );
        return typeof answer === 'string' && answer.toLowerCase() !== ZERO ? answer.toLowerCase() : undefined;
      }),

    balanceOf: (chainId, owner, asset) =>
      cached(
        chainId,
        `balance:${owner.toLowerCase()}:${asset.contract?.toLowerCase() ?? 'native'}:${asset.tokenId ?? ''}`,
        HOLDING_TTL,
        async (c) => {
          if (asset.contract === undefined) return await rpcCall(() => c.provider.getBalance(owner));
          const contract = asset.contract;
          const answer = await noAnswerOnRevert(() =>
            asset.tokenId === undefined
              ? new Contract(contract, ERC20, c.provider).getFunction('balanceOf')(owner)
              : new Contract(contract, ERC1155, c.provider).getFunction('balanceOf(address,uint256)')(
                  owner,
                  asset.tokenId,
                ),
          );
          if (typeof answer !== 'bigint') throw new ChainError('bad_response', 'balanceOf: no answer');
          return answer;
        },
      ),

    tokenUri: (chainId, contract, tokenId) =>
      cached(chainId, `uri:${contract.toLowerCase()}:${tokenId}`, URI_TTL, async (c) => {
        const erc721 = await noAnswerOnRevert(() =>
          new Contract(contract, ERC721, c.provider).getFunction('tokenURI')(tokenId),
        );
        const answer =
          erc721 ??
          (await noAnswerOnRevert(() =>
            new Contract(contract, ERC1155, c.provider).getFunction('uri')(tokenId),
          ));
        if (typeof answer !== 'string' || answer.length === 0) return undefined;
        if (answer.length > MAX_TOKEN_URI_CHARS) throw new ChainError('too_large', 'token URI too long');
        // ERC-1155 §Metadata: clients replace {id} with the id as 64 lowercase hex digits.
        return answer.replaceAll('{id}', tokenId.toString(16).padStart(64, '0'));
      }),

    seaportCounter: (chainId, maker) =>
      cached(chainId, `counter:${maker.toLowerCase()}`, HOLDING_TTL, async (c) => {
        // The Seaport module is big (seaport-js constants); only trade flows need it, and they
        // have it loaded already. ENS lookups in the conversation list never do.
        const { SEAPORT_ADDRESS } = await import('../../../../packages/trade/src/seaport/order-typed-data');
        const answer = await noAnswerOnRevert(() =>
          new Contract(SEAPORT_ADDRESS, SEAPORT, c.provider).getFunction('getCounter')(maker),
        );
        if (typeof answer !== 'bigint') throw new ChainError('bad_response', 'Seaport is not deployed here');
        return answer;
      }),
  };
}

/** A revert or an empty/undecodable answer is "no answer"; anything else is the network's fault. */
async function noAnswerOnRevert(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (isError(error, 'CALL_EXCEPTION') || isError(error, 'BAD_DATA')) return undefined;
    throw asChainError(error);
  }
}

async function rpcCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asChainError(error);
  }
}

export function asChainError(error: unknown): ChainError {
  if (error instanceof ChainError) return error;
  return new ChainError('unreachable', error instanceof Error ? error.message.slice(0, 200) : 'RPC failed');
}
