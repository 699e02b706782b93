// The EIP-712 payload of a response (docs/protocol.md §11.4). Its own domain, so a wallet shows
// "Parley Trade" and the three fields it signs, and so the signature can never pass for a Seaport
// order or any other protocol's message:
//
//   domain  { name: "Parley Trade", version: "1", chainId }
//   TradeResponse(string action,bytes32 proposal,uint256 signedAt)
//
// action is "accept", "decline" or "cancel"; proposal is the hash of the proposal answered;
// signedAt is the responder's clock in Unix seconds (Seaport's unit, so it compares with endTime).
import type { TypedData } from '@parley/protocol';
import { TypedDataEncoder } from 'ethers';

export const TRADE_DOMAIN_NAME = 'Parley Trade';
export const TRADE_DOMAIN_VERSION = '1';

export const RESPONSE_ACTIONS = ['accept', 'decline', 'cancel'] as const;
export type ResponseAction = (typeof RESPONSE_ACTIONS)[number];

export const TRADE_RESPONSE_TYPES = {
  TradeResponse: [
    { name: 'action', type: 'string' },
    { name: 'proposal', type: 'bytes32' },
    { name: 'signedAt', type: 'uint256' },
  ],
};

const TRADE_DOMAIN_FIELDS = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
];

export interface ResponseMessage {
  readonly action: ResponseAction;
  /** The proposal hash answered, 0x + 64 lowercase hex. */
  readonly proposal: string;
  /** Unix seconds as a decimal string. */
  readonly signedAt: string;
}

export function tradeDomain(chainId: number) {
  return { name: TRADE_DOMAIN_NAME, version: TRADE_DOMAIN_VERSION, chainId };
}

/** The eth_signTypedData_v4 payload of a response, and its `typedData` on the wire. */
export function responseTypedData(chainId: number, message: ResponseMessage): TypedData {
  return {
    types: { EIP712Domain: TRADE_DOMAIN_FIELDS, ...TRADE_RESPONSE_TYPES },
    primaryType: 'TradeResponse',
    domain: tradeDomain(chainId),
    message: { ...message },
  };
}

/** The EIP-712 digest the responder signs; Parley calls it the response hash. */
export function responseDigest(chainId: number, message: ResponseMessage): string {
  return TypedDataEncoder.hash(tradeDomain(chainId), TRADE_RESPONSE_TYPES, message);
}
