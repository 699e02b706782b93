// The on-chain side of the app, loaded only when an RPC URL is configured and something asks
// (load-chain.ts): it brings ethers, which must stay out of the initial bundle (docs/web.md).
// Connections are made once per (URL, chain) and kept for the tab; every lookup shares one cache.
import type { ChainReader } from '@parley/trade';
import { createEnsLookup, type EnsLookup } from './ens-lookup';
import { type ConnectionFor, createChainReader } from './ethers-chain-reader';
import { connectRpc, type RpcConnection } from './rpc-connection';
import { ENS_CHAIN_ID } from './rpc-settings';
import { fetchTokenMetadata, type TokenMetadata } from './token-metadata';
import { type ClaimedTransfer, type ClaimVerdict, checkTransferClaim } from './transfer-claim';
import { TtlCache } from './ttl-cache';
import { lookupTransaction } from './tx-lookup';

export type { ChainReader, ClaimVerdict, EnsLookup, TokenMetadata };

const cache = new TtlCache(2000);
const connections = new Map<string, RpcConnection>();
const METADATA_TTL = 30 * 60_000;
const RECEIPT_TTL = 60_000;

export function connection(url: string, chainId: number): RpcConnection {
  const key = `${chainId}|${url}`;
  let c = connections.get(key);
  if (!c) {
    c = connectRpc(url, chainId);
    connections.set(key, c);
  }
  return c;
}

/** A ChainReader that asks `urlOf` for each chain's RPC URL (the Settings rows). */
export function readerFor(urlOf: (chainId: number) => Promise<string | undefined>): ChainReader {
  const connectionFor: ConnectionFor = async (chainId) => {
    const url = await urlOf(chainId);
    return url === undefined ? undefined : connection(url, chainId);
  };
  return createChainReader(connectionFor, cache);
}

/** A reader for the one chain `url` serves. */
export function readerOn(url: string, chainId: number): ChainReader {
  return readerFor(async (id) => (id === chainId ? url : undefined));
}

/** ENS through the mainnet RPC at `url`. */
export function ensFor(url: string): EnsLookup {
  return createEnsLookup(connection(url, ENS_CHAIN_ID), readerOn(url, ENS_CHAIN_ID), cache);
}

export interface NftDetails {
  /** ERC-721 only: the current owner, lowercase. */
  readonly owner?: string;
  readonly metadata: TokenMetadata;
}

/** Owner and metadata of a shared NFT; metadata problems leave it empty rather than failing. */
export async function nftDetails(
  url: string,
  nft: { chainId: number; contract: string; tokenId: string; standard: 'erc721' | 'erc1155' },
): Promise<NftDetails> {
  const reader = readerOn(url, nft.chainId);
  const tokenId = BigInt(nft.tokenId);
  const [owner, metadata] = await Promise.all([
    nft.standard === 'erc721'
      ? reader.ownerOf(nft.chainId, nft.contract, tokenId)
      : Promise.resolve(undefined),
    reader
      .tokenUri(nft.chainId, nft.contract, tokenId)
      .then((uri) =>
        uri === undefined ? {} : cache.get(`metadata|${uri}`, METADATA_TTL, () => fetchTokenMetadata(uri)),
      )
      .catch((): TokenMetadata => ({})),
  ]);
  return { ...(owner === undefined ? {} : { owner }), metadata };
}

/** Checks a `tx` content's claimed transfer against the receipt the RPC returns. */
export function verifyTransfer(
  url: string,
  claim: { chainId: number; txHash: string; transfer: ClaimedTransfer },
): Promise<ClaimVerdict> {
  const c = connection(url, claim.chainId);
  return cache.get(
    `${url}|${claim.chainId}|tx:${claim.txHash}|${JSON.stringify(claim.transfer)}`,
    RECEIPT_TTL,
    async () => {
      const { receipt, tx } = await lookupTransaction(c, claim.txHash);
      return checkTransferClaim(claim.transfer, claim.txHash, receipt, tx);
    },
  );
}

/** An ERC-20's own symbol and decimals (unverified claims of the contract). */
export async function tokenFacts(
  url: string,
  chainId: number,
  contract: string,
): Promise<{ symbol?: string; decimals?: number }> {
  const reader = readerOn(url, chainId);
  const [symbol, decimals] = await Promise.all([
    reader.tokenSymbol(chainId, contract),
    reader.tokenDecimals(chainId, contract),
  ]);
  return { ...(symbol === undefined ? {} : { symbol }), ...(decimals === undefined ? {} : { decimals }) };
}
