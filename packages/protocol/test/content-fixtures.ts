// One valid content of every type, built fresh for each test so tests can mutate them. The trade
// contents carry real EIP-712 signatures from an ethers Wallet (a Seaport-like order), so the
// tests also show that a signature still verifies after the content codec round trip.
import { TypedDataEncoder, Wallet } from 'ethers';
import type { Content, ContentType } from '../src/content/content-schema';

export const LOG_HASH = 'ab'.repeat(32);
export const GROUP_HASH = 'cd'.repeat(32);

export const BASE = { v: 1, sentAt: 1_763_000_000_000, deviceLogHead: { seq: 3, hash: LOG_HASH } } as const;

export const REF = { senderDevice: '11'.repeat(16), clientId: '22'.repeat(16) } as const;

export const MAKER = new Wallet(`0x${'42'.repeat(32)}`);
export const TAKER = new Wallet(`0x${'43'.repeat(32)}`);

const ZONE = `0x${'00'.repeat(20)}`;
const NFT_CONTRACT = `0x${'bc'.repeat(20)}`;
const WETH = `0x${'c0'.repeat(20)}`;

/** Seaport 1.6 OrderComponents, trimmed to what a test needs: nested structs and arrays. */
export const ORDER_TYPES = {
  OrderComponents: [
    { name: 'offerer', type: 'address' },
    { name: 'zone', type: 'address' },
    { name: 'offer', type: 'OfferItem[]' },
    { name: 'consideration', type: 'ConsiderationItem[]' },
    { name: 'startTime', type: 'uint256' },
    { name: 'endTime', type: 'uint256' },
    { name: 'salt', type: 'uint256' },
    { name: 'counter', type: 'uint256' },
  ],
  OfferItem: [
    { name: 'itemType', type: 'uint8' },
    { name: 'token', type: 'address' },
    { name: 'identifierOrCriteria', type: 'uint256' },
    { name: 'startAmount', type: 'uint256' },
    { name: 'endAmount', type: 'uint256' },
  ],
  ConsiderationItem: [
    { name: 'itemType', type: 'uint8' },
    { name: 'token', type: 'address' },
    { name: 'identifierOrCriteria', type: 'uint256' },
    { name: 'startAmount', type: 'uint256' },
    { name: 'endAmount', type: 'uint256' },
    { name: 'recipient', type: 'address' },
  ],
};

export const ORDER_DOMAIN = {
  name: 'Seaport',
  version: '1.6',
  chainId: 1,
  verifyingContract: '0x0000000000000068f116a894984e2db1123eb395',
};

export function orderMessage(offerer: string, price: string) {
  return {
    offerer,
    zone: ZONE,
    offer: [
      { itemType: 2, token: NFT_CONTRACT, identifierOrCriteria: '1234', startAmount: '1', endAmount: '1' },
    ],
    consideration: [
      {
        itemType: 1,
        token: WETH,
        identifierOrCriteria: '0',
        startAmount: price,
        endAmount: price,
        recipient: offerer,
      },
    ],
    startTime: '1763000000',
    endTime: '1763600000',
    salt: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
    counter: '0',
  };
}

export interface SignedOrder {
  readonly typedData: {
    types: typeof ORDER_TYPES;
    primaryType: 'OrderComponents';
    domain: typeof ORDER_DOMAIN;
    message: ReturnType<typeof orderMessage>;
  };
  readonly signature: string;
  readonly signer: string;
  readonly hash: string;
}

export async function signOrder(wallet: Wallet, offerer: string, price: string): Promise<SignedOrder> {
  const message = orderMessage(offerer, price);
  const signature = await wallet.signTypedData(ORDER_DOMAIN, ORDER_TYPES, message);
  return {
    typedData: { types: ORDER_TYPES, primaryType: 'OrderComponents', domain: ORDER_DOMAIN, message },
    signature,
    signer: wallet.address.toLowerCase(),
    hash: TypedDataEncoder.hash(ORDER_DOMAIN, ORDER_TYPES, message),
  };
}

export type Fixtures = { readonly [T in ContentType]: () => Extract<Content, { type: T }> };

/** Builds the fixtures once the two signatures exist (signing is async). */
export async function makeFixtures(): Promise<Fixtures> {
  const offer = await signOrder(MAKER, MAKER.address.toLowerCase(), '1000000000000000000');
  const accept = await signOrder(TAKER, MAKER.address.toLowerCase(), '1000000000000000000');
  const clone = <T>(value: T): T => structuredClone(value);
  return {
    text: () => ({ type: 'text', ...clone(BASE), body: 'gm, still selling #1234?' }),
    reply: () => ({ type: 'reply', ...clone(BASE), body: 'yes', replyTo: { ...REF } }),
    reaction: () => ({ type: 'reaction', ...clone(BASE), emoji: '👍🏽', target: { ...REF }, action: 'add' }),
    edit: () => ({ type: 'edit', ...clone(BASE), target: { ...REF }, body: 'yes, 1 WETH' }),
    delete: () => ({ type: 'delete', ...clone(BASE), target: { ...REF } }),
    receipt: () => ({ type: 'receipt', ...clone(BASE), status: 'read', refs: [{ ...REF }] }),
    attachment: () => ({
      type: 'attachment',
      ...clone(BASE),
      groupStateHash: GROUP_HASH,
      blobId: 'e3'.repeat(32),
      size: 48_213,
      mimeType: 'image/png',
      fileName: 'punk #1234.png',
      key: '5a'.repeat(32),
      nonce: '6b'.repeat(24),
      width: 640,
      height: 480,
      thumbnail: { mimeType: 'image/webp', data: 'UklGRiQAAABXRUJQ' },
    }),
    'trade.proposal': () => ({
      type: 'trade.proposal',
      ...clone(BASE),
      typedData: clone(offer.typedData),
      signature: offer.signature,
      signer: offer.signer,
      parentHash: null,
    }),
    'trade.response': () => ({
      type: 'trade.response',
      ...clone(BASE),
      decision: 'accept',
      typedData: clone(accept.typedData),
      signature: accept.signature,
      signer: accept.signer,
      parentHash: offer.hash,
    }),
    nft: () => ({
      type: 'nft',
      ...clone(BASE),
      chainId: 1,
      contract: NFT_CONTRACT,
      tokenId: '1234',
      standard: 'erc721',
    }),
    tx: () => ({
      type: 'tx',
      ...clone(BASE),
      chainId: 8453,
      txHash: `0x${'9f'.repeat(32)}`,
      transfer: {
        from: TAKER.address.toLowerCase(),
        to: MAKER.address.toLowerCase(),
        asset: { standard: 'erc20', contract: WETH },
        amount: '1000000000000000000',
      },
    }),
  };
}
