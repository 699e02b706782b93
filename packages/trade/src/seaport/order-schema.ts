// Seaport 1.6 OrderComponents as they travel in a proposal's typed data (docs/protocol.md §11.1).
// The field names and types are Seaport's (EIP_712_ORDER_TYPE in seaport-js); this schema fixes
// one JSON spelling for them: addresses and bytes32 in lowercase 0x-hex, uint8 fields as JSON
// numbers, uint256 fields as decimal strings. Which orders Parley accepts is order-rules.ts.
import { ItemType, OrderType } from '@opensea/seaport-js/lib/constants.js';
import { Address, EthHash32, Uint256Decimal } from '@parley/protocol';
import { z } from 'zod';

/** Items on each side of one order. Seaport has no cap; a chat offer needs few. */
export const MAX_ITEMS_PER_SIDE = 16;

export const OfferItemWire = z.strictObject({
  itemType: z.enum(ItemType),
  token: Address,
  identifierOrCriteria: Uint256Decimal,
  startAmount: Uint256Decimal,
  endAmount: Uint256Decimal,
});
export type OfferItemWire = z.infer<typeof OfferItemWire>;

export const ConsiderationItemWire = z.strictObject({
  ...OfferItemWire.shape,
  recipient: Address,
});
export type ConsiderationItemWire = z.infer<typeof ConsiderationItemWire>;

/** The message of the typed data, field for field Seaport's OrderComponents struct. */
export const OrderComponentsWire = z.strictObject({
  offerer: Address,
  zone: Address,
  offer: z.array(OfferItemWire).min(1).max(MAX_ITEMS_PER_SIDE),
  consideration: z.array(ConsiderationItemWire).min(1).max(MAX_ITEMS_PER_SIDE),
  orderType: z.enum(OrderType),
  startTime: Uint256Decimal,
  endTime: Uint256Decimal,
  zoneHash: EthHash32,
  salt: Uint256Decimal,
  conduitKey: EthHash32,
  counter: Uint256Decimal,
});
export type OrderComponentsWire = z.infer<typeof OrderComponentsWire>;

export const ZERO_ADDRESS = `0x${'00'.repeat(20)}`;
export const ZERO_BYTES32 = `0x${'00'.repeat(32)}`;
