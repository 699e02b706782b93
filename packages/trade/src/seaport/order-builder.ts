// Builds the Seaport order of a proposal (docs/protocol.md §11.1): the maker's assets as offer, what
// the maker gets as consideration paid to the maker, restricted to the taker as zone.
import { OrderType } from '@opensea/seaport-js/lib/constants.js';
import { TradeError } from '../trade-error';
import { type Asset, considerationItem, offerItem, wireAddress } from './assets';
import { orderProblem } from './order-rules';
import { MAX_ITEMS_PER_SIDE, type OrderComponentsWire, ZERO_BYTES32 } from './order-schema';

export interface OrderTerms {
  readonly maker: string;
  readonly taker: string;
  /** What the maker gives: 1 to MAX_ITEMS_PER_SIDE assets, no native ETH. */
  readonly give: readonly Asset[];
  /** What the maker gets: 1 to MAX_ITEMS_PER_SIDE assets. */
  readonly get: readonly Asset[];
  /** Unix seconds. The order is fulfillable from startTime until just before endTime. */
  readonly startTime: number;
  readonly endTime: number;
  /** The salt (salt-commitment.ts makes it). */
  readonly salt: bigint;
  /**
   * The maker's current Seaport counter (Seaport.getCounter). A signature over another counter
   * cannot be fulfilled; incrementing the counter on chain cancels every open order at once.
   */
  readonly counter?: bigint;
}

function count(assets: readonly Asset[], what: string): void {
  if (assets.length === 0 || assets.length > MAX_ITEMS_PER_SIDE) {
    throw new TradeError('bad_input', `${what}: 1 to ${MAX_ITEMS_PER_SIDE} assets`);
  }
}

function seconds(value: number, what: string): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new TradeError('bad_input', `${what}: not a time`);
  return value.toString();
}

/** The OrderComponents of the terms. Throws TradeError for terms Parley does not sign. */
export function buildOrder(terms: OrderTerms): OrderComponentsWire {
  const maker = wireAddress(terms.maker, 'maker');
  const taker = wireAddress(terms.taker, 'taker');
  count(terms.give, 'give');
  count(terms.get, 'get');
  const counter = terms.counter ?? 0n;
  if (counter < 0n || terms.salt < 0n || terms.salt >= 2n ** 256n) {
    throw new TradeError('bad_input', 'counter or salt out of range');
  }
  const order: OrderComponentsWire = {
    offerer: maker,
    zone: taker,
    offer: terms.give.map(offerItem),
    consideration: terms.get.map((asset) => considerationItem(asset, maker)),
    orderType: OrderType.FULL_RESTRICTED,
    startTime: seconds(terms.startTime, 'startTime'),
    endTime: seconds(terms.endTime, 'endTime'),
    zoneHash: ZERO_BYTES32,
    salt: terms.salt.toString(),
    conduitKey: ZERO_BYTES32,
    counter: counter.toString(),
  };
  // The same rules the receiver applies, so Parley never signs what it would refuse.
  const problem = orderProblem(order);
  if (problem !== undefined) throw new TradeError('bad_input', problem);
  return order;
}
