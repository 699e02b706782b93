// The EIP-712 payload of a Seaport 1.6 order (docs/protocol.md §11.1): domain "Seaport" version
// "1.6" on the chain, verifying contract the cross-chain Seaport 1.6 address, primary type
// OrderComponents with seaport-js's own type definitions. The digest is what the maker's wallet
// signs and what Seaport's _verifySignature checks; the struct hash is Seaport's order hash.

import {
  CROSS_CHAIN_SEAPORT_V1_6_ADDRESS,
  EIP_712_ORDER_TYPE,
  SEAPORT_CONTRACT_NAME,
  SEAPORT_CONTRACT_VERSION_V1_6,
} from '@opensea/seaport-js/lib/constants.js';
import type { Order } from '@opensea/seaport-js/lib/types.js';
import type { TypedData } from '@parley/protocol';
import { TypedDataEncoder } from 'ethers';
import type { OrderComponentsWire } from './order-schema';

/** Seaport 1.6's address, the same on every chain it is deployed to, in wire spelling. */
export const SEAPORT_ADDRESS = CROSS_CHAIN_SEAPORT_V1_6_ADDRESS.toLowerCase();

export interface SeaportDomain {
  readonly name: string;
  readonly version: string;
  readonly chainId: number;
  readonly verifyingContract: string;
}

export function seaportDomain(chainId: number): SeaportDomain {
  return {
    name: SEAPORT_CONTRACT_NAME,
    version: SEAPORT_CONTRACT_VERSION_V1_6,
    chainId,
    verifyingContract: SEAPORT_ADDRESS,
  };
}

/** EIP-712's EIP712Domain struct for the four fields of Seaport's domain, in EIP-712's order. */
const SEAPORT_DOMAIN_FIELDS = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
];

/**
 * The eth_signTypedData_v4 payload the maker's wallet signs, and the `typedData` of the proposal
 * on the wire. EIP712Domain is included because wallets hash the domain with it.
 */
export function orderTypedData(chainId: number, order: OrderComponentsWire): TypedData {
  return {
    types: { EIP712Domain: SEAPORT_DOMAIN_FIELDS, ...EIP_712_ORDER_TYPE },
    primaryType: 'OrderComponents',
    domain: seaportDomain(chainId),
    message: order,
  };
}

/** The EIP-712 digest the maker signs; Parley calls it the proposal hash. */
export function orderDigest(chainId: number, order: OrderComponentsWire): string {
  return TypedDataEncoder.hash(seaportDomain(chainId), EIP_712_ORDER_TYPE, order);
}

/** Seaport's order hash (the struct hash of OrderComponents), as Seaport's getOrderHash returns it. */
export function seaportOrderHash(order: OrderComponentsWire): string {
  return TypedDataEncoder.hashStruct('OrderComponents', EIP_712_ORDER_TYPE, order);
}

/**
 * The order in the shape seaport-js's fulfillOrder takes: the signed components plus
 * totalOriginalConsiderationItems (all of them, as Parley adds none at fulfillment).
 */
export function toSeaportOrder(order: OrderComponentsWire, signature: string): Order {
  const { counter: _counter, ...parameters } = order;
  return {
    parameters: { ...parameters, totalOriginalConsiderationItems: order.consideration.length },
    signature,
  };
}
