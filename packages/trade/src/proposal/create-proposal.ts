// Making a proposal: an opening offer, or a counter-offer to a proposal the user received
// (docs/protocol.md §11.3). The maker's wallet signs the Seaport order through EIP-1193; the result
// is the trade item to send, already checked to verify as the receiver will verify it.
import { type Eip1193Provider, signTypedDataV4 } from '../eip1193';
import type { Random } from '../random';
import type { Asset } from '../seaport/assets';
import { buildOrder } from '../seaport/order-builder';
import { orderDigest, orderTypedData } from '../seaport/order-typed-data';
import { TradeError } from '../trade-error';
import { ProposalItem } from '../trade-item';
import type { VerifiedProposal } from '../verify/verified';
import { makeSalt } from './salt-commitment';

export interface ProposalTerms {
  /** What the maker gives (no native ETH: offer WETH) and what the maker gets. */
  readonly give: readonly Asset[];
  readonly get: readonly Asset[];
  /** When the offer lapses, ms since the epoch; it becomes the order's endTime (whole seconds). */
  readonly expiresAt: number;
  /** Shown with the offer; committed to by the salt. Empty means none. */
  readonly note?: string;
  /** The maker's Seaport counter (default 0). */
  readonly counter?: bigint;
}

export interface OpeningTerms extends ProposalTerms {
  readonly chainId: number;
  readonly maker: string;
  readonly taker: string;
}

export interface SignContext {
  /** The maker's clock, ms since the epoch: the order's startTime. */
  readonly now: number;
  readonly random?: Random;
}

function noteOf(note: string | undefined): string | undefined {
  if (note === undefined || note === '') return undefined;
  // The wire schema's note rule (protocol trade-contents.ts, TradeNote).
  if (!ProposalItem.shape.note.safeParse(note).success) throw new TradeError('bad_input', 'note: too long');
  return note;
}

function chainIdOf(chainId: number): number {
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new TradeError('bad_input', 'chainId: not a chain id');
  return chainId;
}

async function sign(
  provider: Eip1193Provider,
  terms: OpeningTerms,
  parentHash: string | null,
  context: SignContext,
): Promise<ProposalItem> {
  const note = noteOf(terms.note);
  const chainId = chainIdOf(terms.chainId);
  const order = buildOrder({
    maker: terms.maker,
    taker: terms.taker,
    give: terms.give,
    get: terms.get,
    startTime: Math.floor(context.now / 1000),
    endTime: Math.floor(terms.expiresAt / 1000),
    salt: makeSalt(parentHash, note ?? '', context.random),
    ...(terms.counter === undefined ? {} : { counter: terms.counter }),
  });
  const typedData = orderTypedData(chainId, order);
  const signature = await signTypedDataV4(provider, order.offerer, typedData, orderDigest(chainId, order));
  return {
    type: 'trade.proposal',
    typedData,
    signature,
    signer: order.offerer,
    parentHash,
    ...(note === undefined ? {} : { note }),
  };
}

/** An opening offer from `terms.maker` to `terms.taker`. */
export function createProposal(
  provider: Eip1193Provider,
  terms: OpeningTerms,
  context: SignContext,
): Promise<ProposalItem> {
  return sign(provider, terms, null, context);
}

/**
 * A counter-offer to `parent`: made by the parent's taker, addressed to the parent's maker, on the
 * same chain, pointing to the parent's hash.
 */
export function createCounter(
  provider: Eip1193Provider,
  parent: VerifiedProposal,
  terms: ProposalTerms,
  context: SignContext,
): Promise<ProposalItem> {
  return sign(
    provider,
    { ...terms, chainId: parent.chainId, maker: parent.taker, taker: parent.maker },
    parent.hash,
    context,
  );
}
