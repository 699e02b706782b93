// A trade item after verification (verify-item.ts): its meaning, its hashes and the item itself.
import type { ResponseAction } from '../response/response-typed-data';
import type { Asset } from '../seaport/assets';
import type { OrderComponentsWire } from '../seaport/order-schema';
import type { ProposalItem, ResponseItem } from '../trade-item';

export interface VerifiedProposal {
  readonly kind: 'proposal';
  /** The EIP-712 digest the maker signed: the proposal's id, and a counter's parentHash. */
  readonly hash: string;
  /** Seaport's order hash, as Seaport reports it on chain (getOrderStatus, OrderFulfilled). */
  readonly orderHash: string;
  readonly chainId: number;
  readonly maker: string;
  readonly taker: string;
  /** What the maker gives (the offer) and gets (the consideration, paid to the maker). */
  readonly give: readonly Asset[];
  readonly get: readonly Asset[];
  readonly parentHash: string | null;
  /** "" when there is none. */
  readonly note: string;
  /** The order's startTime and endTime, in ms. */
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly order: OrderComponentsWire;
  readonly signature: string;
  readonly item: ProposalItem;
}

export interface VerifiedResponse {
  readonly kind: 'response';
  /** The EIP-712 digest the responder signed. */
  readonly hash: string;
  readonly chainId: number;
  readonly action: ResponseAction;
  /** The hash of the proposal answered. */
  readonly proposalHash: string;
  readonly responder: string;
  /** The responder's signed clock, in ms (whole seconds). */
  readonly signedAt: number;
  readonly signature: string;
  readonly item: ResponseItem;
}

export type VerifiedItem = VerifiedProposal | VerifiedResponse;
