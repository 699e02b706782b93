// Which Seaport orders Parley builds and accepts (docs/protocol.md §11.1). Every rule is there so
// that an accepted proposal can be fulfilled by Seaport exactly as signed, by the taker and by no
// one else, and so that the card shows every effect of the order:
//
// - orderType FULL_RESTRICTED with zone = the taker. Seaport skips the zone call when the caller is
//   the zone (_isRestrictedAndCallerNotZone), so the taker fulfills it directly with fulfillOrder
//   and nobody else can (a restricted order with an EOA zone and another caller reverts).
// - No native ETH offered: Seaport reverts with InvalidNativeOfferItem when fulfilling an order
//   whose offer holds a NATIVE item (an EOA signature cannot move the offerer's ETH).
// - Every consideration item goes to the maker: no hidden fees or third parties.
// - Fixed amounts (start = end), no criteria items, ERC-721 amount 1, ERC-20 and native id 0,
//   native token address zero; no conduit (approvals go to Seaport itself) and no zone hash.
import { ItemType, OrderType } from '@opensea/seaport-js/lib/constants.js';
import {
  type ConsiderationItemWire,
  type OfferItemWire,
  type OrderComponentsWire,
  ZERO_ADDRESS,
  ZERO_BYTES32,
} from './order-schema';

/**
 * The latest Seaport time Parley accepts, in seconds: times become milliseconds in the UI and must
 * stay safe integers there. (Year 287,396; any real expiry is far below.)
 */
export const MAX_ORDER_TIME = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

/** Why an item breaks the rules, or undefined when it fits. */
export function itemProblem(item: OfferItemWire, side: 'offer' | 'consideration'): string | undefined {
  const amount = BigInt(item.startAmount);
  if (item.startAmount !== item.endAmount) return 'start and end amounts differ';
  if (amount === 0n) return 'an amount of zero';
  switch (item.itemType) {
    case ItemType.NATIVE:
      if (side === 'offer') return 'native ETH in the offer (Seaport cannot take it from a signed order)';
      if (item.token !== ZERO_ADDRESS || item.identifierOrCriteria !== '0')
        return 'a native item with a token';
      return undefined;
    case ItemType.ERC20:
      if (item.token === ZERO_ADDRESS) return 'an ERC-20 item without a token';
      return item.identifierOrCriteria === '0' ? undefined : 'an ERC-20 item with an identifier';
    case ItemType.ERC721:
      if (item.token === ZERO_ADDRESS) return 'an ERC-721 item without a token';
      return amount === 1n ? undefined : 'an ERC-721 item with an amount other than 1';
    case ItemType.ERC1155:
      return item.token === ZERO_ADDRESS ? 'an ERC-1155 item without a token' : undefined;
    default:
      return 'a criteria item';
  }
}

function considerationProblem(item: ConsiderationItemWire, offerer: string): string | undefined {
  if (item.recipient !== offerer) return 'a consideration item not paid to the maker';
  return itemProblem(item, 'consideration');
}

/** Why an order breaks the rules above, or undefined when Parley builds and accepts it. */
export function orderProblem(order: OrderComponentsWire): string | undefined {
  if (order.orderType !== OrderType.FULL_RESTRICTED) return 'orderType is not FULL_RESTRICTED';
  if (order.zone === ZERO_ADDRESS || order.zone === order.offerer) return 'the zone is not the taker';
  if (order.offerer === ZERO_ADDRESS) return 'no maker';
  if (order.zoneHash !== ZERO_BYTES32) return 'a zone hash';
  if (order.conduitKey !== ZERO_BYTES32) return 'a conduit key';
  const start = BigInt(order.startTime);
  const end = BigInt(order.endTime);
  if (end > BigInt(MAX_ORDER_TIME)) return 'an end time past the supported range';
  if (start >= end) return 'the order ends before it starts';
  for (const [i, item] of order.offer.entries()) {
    const problem = itemProblem(item, 'offer');
    if (problem !== undefined) return `offer[${i}]: ${problem}`;
  }
  for (const [i, item] of order.consideration.entries()) {
    const problem = considerationProblem(item, order.offerer);
    if (problem !== undefined) return `consideration[${i}]: ${problem}`;
  }
  return undefined;
}

/** The taker of an order that fits the rules: its zone. */
export function orderTaker(order: OrderComponentsWire): string {
  return order.zone;
}
