// Trade proposals and responses (docs/protocol.md §9.3). Placeholders that already fix the shape:
// a later issue defines the typed data (Seaport 1.6 OrderComponents where it fits) and the state
// machine. Each negotiation is a hash chain: every proposal or response names the EIP-712 digest
// of the proposal it answers, and the wallet signature covers the typed data.
import { z } from 'zod';
import { Address } from '../wire-primitives';
import { baseFields } from './common';
import { EthHash32, EthSignature } from './eth-scalars';
import { TypedData } from './typed-data';

export const TradeProposalContent = z.strictObject({
  type: z.literal('trade.proposal'),
  ...baseFields,
  typedData: TypedData,
  /** The maker's wallet signature over the EIP-712 digest of `typedData`. */
  signature: EthSignature,
  /** The wallet that signed; the receiver recovers the signer and compares. */
  signer: Address,
  /** The EIP-712 digest of the proposal this counters, or null for an opening offer. */
  parentHash: EthHash32.nullable(),
});
export type TradeProposalContent = z.infer<typeof TradeProposalContent>;

export const TradeResponseContent = z.strictObject({
  type: z.literal('trade.response'),
  ...baseFields,
  /** accept: the taker takes the offer; decline: the taker refuses it; cancel: the maker withdraws it. */
  decision: z.enum(['accept', 'decline', 'cancel']),
  typedData: TypedData,
  signature: EthSignature,
  signer: Address,
  /** The EIP-712 digest of the proposal answered. */
  parentHash: EthHash32,
});
export type TradeResponseContent = z.infer<typeof TradeResponseContent>;
