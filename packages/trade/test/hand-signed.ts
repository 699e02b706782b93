// Items signed straight with a wallet, bypassing the builders' own checks, so tests can make the
// invalid-but-signed items an attacker or a buggy client would send.
import type { TypedData } from '@parley/protocol';
import type { TypedDataDomain, Wallet } from 'ethers';
import { makeSalt } from '../src/proposal/salt-commitment';
import { type ResponseAction, responseTypedData } from '../src/response/response-typed-data';
import type { Asset } from '../src/seaport/assets';
import { buildOrder } from '../src/seaport/order-builder';
import { orderTypedData } from '../src/seaport/order-typed-data';
import type { ProposalItem, ResponseItem } from '../src/trade-item';
import { seededRandom } from './seeded-random';

export async function signWith(wallet: Wallet, typedData: TypedData): Promise<string> {
  const { EIP712Domain: _domain, ...types } = typedData.types;
  // zod types absent optional fields as `?: T | undefined`; ethers' type wants `?: T`.
  const domain = typedData.domain as TypedDataDomain;
  return (await wallet.signTypedData(domain, types, typedData.message)).toLowerCase();
}

export async function handResponse(
  wallet: Wallet,
  action: ResponseAction,
  proposal: string,
  signedAtMs: number,
  chainId = 1,
): Promise<ResponseItem> {
  const typedData = responseTypedData(chainId, {
    action,
    proposal,
    signedAt: Math.floor(signedAtMs / 1000).toString(),
  });
  return {
    type: 'trade.response',
    decision: action,
    typedData,
    signature: await signWith(wallet, typedData),
    signer: wallet.address.toLowerCase(),
    parentHash: proposal,
  };
}

export interface HandProposal {
  readonly maker: Wallet;
  readonly taker: string;
  readonly give: readonly Asset[];
  readonly get: readonly Asset[];
  readonly parentHash: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly chainId?: number;
  readonly seed?: string;
}

export async function handProposal(h: HandProposal): Promise<ProposalItem> {
  const order = buildOrder({
    maker: h.maker.address,
    taker: h.taker,
    give: h.give,
    get: h.get,
    startTime: Math.floor(h.createdAt / 1000),
    endTime: Math.floor(h.expiresAt / 1000),
    salt: makeSalt(h.parentHash, '', seededRandom(h.seed ?? 'hand')),
  });
  const typedData = orderTypedData(h.chainId ?? 1, order);
  return {
    type: 'trade.proposal',
    typedData,
    signature: await signWith(h.maker, typedData),
    signer: order.offerer,
    parentHash: h.parentHash,
  };
}
