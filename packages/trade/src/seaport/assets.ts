// What a proposal moves, in Parley's terms, and the Seaport items that carry it. `give` is what the
// maker gives (the order's offer, received by the taker who fulfills), `get` is what the maker gets
// (the order's consideration, paid by the taker to the maker).
import { ItemType } from '@opensea/seaport-js/lib/constants.js';
import { getAddress } from 'ethers';
import { TradeError } from '../trade-error';
import type { ConsiderationItemWire, OfferItemWire } from './order-schema';
import { ZERO_ADDRESS } from './order-schema';

export type Asset =
  | { readonly kind: 'native'; readonly amount: bigint }
  | { readonly kind: 'erc20'; readonly contract: string; readonly amount: bigint }
  | { readonly kind: 'erc721'; readonly contract: string; readonly tokenId: bigint }
  | {
      readonly kind: 'erc1155';
      readonly contract: string;
      readonly tokenId: bigint;
      readonly amount: bigint;
    };

const UINT256_MAX = 2n ** 256n - 1n;

/** A wallet address in wire spelling. Mixed case must be a valid EIP-55 checksum. */
export function wireAddress(value: string, what: string): string {
  try {
    return getAddress(value).toLowerCase();
  } catch {
    throw new TradeError('bad_input', `${what}: not an address`);
  }
}

function uint(value: bigint, what: string, min: bigint): string {
  if (value < min || value > UINT256_MAX) throw new TradeError('bad_input', `${what}: out of range`);
  return value.toString();
}

function item(asset: Asset): OfferItemWire {
  switch (asset.kind) {
    case 'native': {
      const amount = uint(asset.amount, 'amount', 1n);
      return {
        itemType: ItemType.NATIVE,
        token: ZERO_ADDRESS,
        identifierOrCriteria: '0',
        startAmount: amount,
        endAmount: amount,
      };
    }
    case 'erc20': {
      const amount = uint(asset.amount, 'amount', 1n);
      const token = wireAddress(asset.contract, 'contract');
      return {
        itemType: ItemType.ERC20,
        token,
        identifierOrCriteria: '0',
        startAmount: amount,
        endAmount: amount,
      };
    }
    case 'erc721':
      return {
        itemType: ItemType.ERC721,
        token: wireAddress(asset.contract, 'contract'),
        identifierOrCriteria: uint(asset.tokenId, 'token id', 0n),
        startAmount: '1',
        endAmount: '1',
      };
    case 'erc1155': {
      const amount = uint(asset.amount, 'amount', 1n);
      return {
        itemType: ItemType.ERC1155,
        token: wireAddress(asset.contract, 'contract'),
        identifierOrCriteria: uint(asset.tokenId, 'token id', 0n),
        startAmount: amount,
        endAmount: amount,
      };
    }
  }
}

/** The offer item for something the maker gives. Native ETH cannot be given (order-rules.ts). */
export function offerItem(asset: Asset): OfferItemWire {
  if (asset.kind === 'native') {
    throw new TradeError('native_offer', 'Seaport cannot take native ETH from a signed order: offer WETH');
  }
  return item(asset);
}

/** The consideration item for something the maker gets, paid to the maker. */
export function considerationItem(asset: Asset, maker: string): ConsiderationItemWire {
  return { ...item(asset), recipient: maker };
}

/**
 * The asset an item moves. Only for items that passed order-rules.ts (no criteria items), so the
 * item type is one of the four Parley builds.
 */
export function assetOf(wire: OfferItemWire): Asset {
  const amount = BigInt(wire.startAmount);
  switch (wire.itemType) {
    case ItemType.NATIVE:
      return { kind: 'native', amount };
    case ItemType.ERC20:
      return { kind: 'erc20', contract: wire.token, amount };
    case ItemType.ERC721:
      return { kind: 'erc721', contract: wire.token, tokenId: BigInt(wire.identifierOrCriteria) };
    default:
      return { kind: 'erc1155', contract: wire.token, tokenId: BigInt(wire.identifierOrCriteria), amount };
  }
}
