// ENS through the mainnet RPC (ethers: Universal Resolver, CCIP-read, ENSIP-15 normalisation).
// - resolveName: name → address, for "New conversation" (the engine's resolveName port).
// - lookupName: address → primary name, shown only if the name is normalised and resolves back
//   to the same address (a reverse record alone is a claim anyone can set).
// - avatarUrl: the verified name's avatar record, as an https URL (ens-avatar-record.ts).
// A name that does not resolve is `undefined`; an unreachable RPC is a ChainError.
import type { ChainReader } from '@parley/trade';
import { ensNormalize, isError } from 'ethers';
import { parseAvatarRecord } from './ens-avatar-record';
import { asChainError } from './ethers-chain-reader';
import type { RpcConnection } from './rpc-connection';
import { fetchTokenMetadata, httpsUrlOf, type MetadataOptions } from './token-metadata';
import type { TtlCache } from './ttl-cache';

const NAME_TTL = 15 * 60_000;
const ADDRESS = /^0x[0-9a-f]{40}$/;

export interface EnsLookup {
  resolveName(name: string): Promise<string | undefined>;
  lookupName(address: string): Promise<string | undefined>;
  avatarUrl(address: string): Promise<string | undefined>;
}

export function createEnsLookup(
  connection: RpcConnection,
  reader: ChainReader,
  cache: TtlCache,
  metadata: MetadataOptions = {},
): EnsLookup {
  const { provider } = connection;
  const key = (what: string) => `${connection.url}|ens|${what}`;

  const resolveName = (input: string): Promise<string | undefined> => {
    const name = normalised(input);
    if (name === undefined) return Promise.resolve(undefined);
    return cache.get(key(`addr:${name}`), NAME_TTL, async () => {
      await connection.ready();
      const address = await orUndefined(() => provider.resolveName(name));
      const lower = typeof address === 'string' ? address.toLowerCase() : undefined;
      return lower !== undefined && ADDRESS.test(lower) ? lower : undefined;
    });
  };

  const lookupName = (input: string): Promise<string | undefined> => {
    const address = input.toLowerCase();
    if (!ADDRESS.test(address)) return Promise.resolve(undefined);
    return cache.get(key(`name:${address}`), NAME_TTL, async () => {
      await connection.ready();
      const claimed = await orUndefined(() => provider.lookupAddress(address));
      if (typeof claimed !== 'string') return undefined;
      // Only a name in its normalised spelling: "VitaIik.eth" or a homoglyph spelling that
      // normalises elsewhere is not shown as a name at all.
      if (normalised(claimed) !== claimed) return undefined;
      // Forward check here too, whatever the resolver already did (ENSIP-19: a primary name is
      // valid only when it resolves back to the address).
      return (await resolveName(claimed)) === address ? claimed : undefined;
    });
  };

  const avatarUrl = (input: string): Promise<string | undefined> => {
    const address = input.toLowerCase();
    return cache.get(key(`avatar:${address}`), NAME_TTL, async () => {
      const name = await lookupName(address);
      if (name === undefined) return undefined;
      const text = await orUndefined(async () => (await provider.getResolver(name))?.getText('avatar'));
      const record = typeof text === 'string' ? parseAvatarRecord(text) : undefined;
      if (!record) return undefined;
      if (record.kind === 'url') return httpsUrlOf(record.url, { ...metadata, allowHttpHosts: [] });
      // ENSIP-12: an NFT avatar must be owned by the name's address.
      if (record.chainId !== connection.chainId) return undefined;
      const owns =
        record.standard === 'erc721'
          ? (await reader.ownerOf(record.chainId, record.contract, record.tokenId)) === address
          : (await reader.balanceOf(record.chainId, address, {
              contract: record.contract,
              tokenId: record.tokenId,
            })) > 0n;
      if (!owns) return undefined;
      const uri = await reader.tokenUri(record.chainId, record.contract, record.tokenId);
      if (uri === undefined) return undefined;
      const image = (await fetchTokenMetadata(uri, metadata)).image;
      return image === undefined ? undefined : httpsUrlOf(image, { ...metadata, allowHttpHosts: [] });
    });
  };

  return { resolveName, lookupName, avatarUrl };
}

/** The ENSIP-15 normalised name, or undefined for text that is not a valid name. */
export function normalised(name: string): string | undefined {
  try {
    const value = ensNormalize(name.trim());
    return value.includes('.') ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A revert ("no resolver", "no such name") is no answer; a network failure is an error. */
async function orUndefined<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (isError(error, 'CALL_EXCEPTION') || isError(error, 'BAD_DATA')) return undefined;
    throw asChainError(error);
  }
}
