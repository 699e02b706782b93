// Trade proposals and responses (docs/protocol.md §9.2 items 8-9 for the shape, §11 for the meaning).
// This layer checks shape and size only. packages/trade checks the rest before anything is shown as
// an offer: that `typedData` is exactly Seaport 1.6 OrderComponents (proposals) or a Parley Trade
// response (responses), the wallet signature, the salt commitment to `parentHash` and `note`, and the
// negotiation's hash chain. Each negotiation is a hash chain: a counter-offer or a response names the
// EIP-712 digest of the proposal it answers.
import { z } from 'zod';
import { Address } from '../wire-primitives';
import { baseFields } from './common';
import { EthHash32, EthSignature } from './eth-scalars';
import { TypedData } from './typed-data';

/**
 * The maker's note, shown with the offer (§11.3). Absent when there is none (never the empty string,
 * so a note has one spelling). Its length counts UTF-16 code units, as every other zod `max` here.
 * The order's salt commits to it, so the maker's wallet signature covers it.
 */
export const MAX_TRADE_NOTE_CHARS = 1000;
export const TradeNote = z.string().min(1).max(MAX_TRADE_NOTE_CHARS);

export const TradeProposalContent = z.strictObject({
  type: z.literal('trade.proposal'),
  ...baseFields,
  /** The eth_signTypedData_v4 payload the maker's wallet signed: Seaport 1.6 OrderComponents (§11.1). */
  typedData: TypedData,
  /** The maker's wallet signature over the EIP-712 digest of `typedData`. */
  signature: EthSignature,
  /** The wallet that signed (the order's offerer); the receiver recovers the signer and compares. */
  signer: Address,
  /** The EIP-712 digest of the proposal this counters, or null for an opening offer. */
  parentHash: EthHash32.nullable(),
  note: TradeNote.optional(),
});
export type TradeProposalContent = z.infer<typeof TradeProposalContent>;

export const TradeResponseContent = z.strictObject({
  type: z.literal('trade.response'),
  ...baseFields,
  /** accept: the taker takes the offer; decline: the taker refuses it; cancel: the maker withdraws it. */
  decision: z.enum(['accept', 'decline', 'cancel']),
  /** The eth_signTypedData_v4 payload of a Parley Trade `TradeResponse` (§11.4). */
  typedData: TypedData,
  signature: EthSignature,
  signer: Address,
  /** The EIP-712 digest of the proposal answered. */
  parentHash: EthHash32,
});
export type TradeResponseContent = z.infer<typeof TradeResponseContent>;
