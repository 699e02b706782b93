// What the reducer (reduce-negotiations.ts) derives from a log of signed trade items.
import type { InvalidReason } from '../verify/invalid';
import type { VerifiedProposal, VerifiedResponse } from '../verify/verified';

export const NEGOTIATION_STATUSES = [
  'open',
  'countered',
  'accepted',
  'declined',
  'cancelled',
  'expired',
] as const;

/**
 * open: the opening offer awaits an answer; countered: the latest counter-offer awaits an answer
 * (as a proposal's own status: it was answered by a counter-offer); accepted, declined, cancelled:
 * answered; expired: lapsed unanswered.
 */
export type NegotiationStatus = (typeof NEGOTIATION_STATUSES)[number];

/** What closed a proposal: a response, or a counter-offer (by its hash). */
export type Closing =
  | { readonly kind: 'response'; readonly response: VerifiedResponse }
  | { readonly kind: 'counter'; readonly counterHash: string };

export interface ProposalState {
  readonly proposal: VerifiedProposal;
  readonly status: NegotiationStatus;
  readonly closedBy?: Closing;
}

export interface Acceptance {
  readonly proposalHash: string;
  /** Seaport's order hash of the accepted order: both sides show it. */
  readonly orderHash: string;
  readonly responseHash: string;
  readonly acceptedBy: string;
  /** The taker's signed time, ms. */
  readonly acceptedAt: number;
}

export interface NegotiationState {
  /** The opening offer's hash: the negotiation's id. */
  readonly rootHash: string;
  /** The latest proposal in the chain. */
  readonly headHash: string;
  readonly chainId: number;
  readonly status: NegotiationStatus;
  /** From the opening offer to the latest counter-offer, each answered by the next. */
  readonly proposals: readonly ProposalState[];
  readonly accepted?: Acceptance;
}

export interface InvalidItem {
  /** keccak256 of the item's canonical JSON (trade-item.ts rawItemKey): names it whatever its state. */
  readonly key: string;
  /** The item's EIP-712 digest, when it could be computed and its signature verified. */
  readonly hash?: string;
  readonly reason: InvalidReason;
  readonly detail: string;
}

export interface TradeLog {
  /** Sorted by rootHash. */
  readonly negotiations: readonly NegotiationState[];
  /** Sorted by key. */
  readonly invalid: readonly InvalidItem[];
}
