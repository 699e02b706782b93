// Why a received trade item is not shown as an offer or a response (docs/protocol.md §11.6).
// Verification returns these as values and never throws for bad data: a proposal that fails is
// shown as invalid with its reason.

export const INVALID_REASONS = [
  /** Not a trade item, or its typed data is not exactly what Parley signs. */
  'malformed',
  /** A Seaport order Parley does not accept (not 1.6, native ETH offered, fees, not restricted…). */
  'unsupported_order',
  /** The signature does not recover to the stated signer (or the signer is not the order's maker). */
  'bad_signature',
  /** The order's salt does not commit to the proposal's parentHash and note. */
  'bad_commitment',
  /** Validly signed, but not by the conversation member who sent it. */
  'wrong_signer',
  /** A chain this client does not trade on, or not the chain of the proposal it answers. */
  'wrong_chain',
  /** The proposal had lapsed (at receipt, or before the response was signed). */
  'expired',
  /** Signed in the future by more than the allowed skew. */
  'clock_skew',
  /** Answers a proposal that is not in the log, or that is itself invalid. */
  'unknown_parent',
  /** A second acceptance of a proposal. */
  'already_accepted',
  /** Answers a proposal already accepted, declined, countered or cancelled. */
  'already_closed',
  /** A cancel signed by someone other than the proposal's maker. */
  'not_maker',
  /** An accept, decline or counter by someone other than the proposal's taker. */
  'not_addressee',
  /** A counter-offer not addressed back to the maker of the proposal it counters. */
  'bad_counter',
  /** Signed before the proposal it answers was made. */
  'bad_time',
] as const;

export type InvalidReason = (typeof INVALID_REASONS)[number];

export interface Invalid {
  readonly ok: false;
  readonly reason: InvalidReason;
  /** A short description of the failed rule. Never repeats the item's values. */
  readonly detail: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | Invalid;

export function invalid(reason: InvalidReason, detail: string): Invalid {
  return { ok: false, reason, detail };
}

export function valid<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
