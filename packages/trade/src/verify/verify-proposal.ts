// Checks one proposal on its own (docs/protocol.md §11.6, checks P1-P5, in this order; the first
// failure is the reason). Relations to other items (parent, counterparties) are the reducer's.
import { ChainId, canonicalJson } from '@parley/protocol';
import { canonicalSignature, recoverSigner } from '../eip1193';
import { saltCommits } from '../proposal/salt-commitment';
import { assetOf } from '../seaport/assets';
import { orderProblem } from '../seaport/order-rules';
import { OrderComponentsWire } from '../seaport/order-schema';
import {
  orderDigest,
  orderTypedData,
  SEAPORT_ADDRESS,
  seaportDomain,
  seaportOrderHash,
} from '../seaport/order-typed-data';
import type { ProposalItem } from '../trade-item';
import { type Checked, invalid, valid } from './invalid';
import type { VerifiedProposal } from './verified';

export interface ItemCheckOptions {
  /** The chains this client trades on. Absent: any chain (an export is checked on its own chain). */
  readonly chainIds?: readonly number[];
}

function isSeaport16(domain: ProposalItem['typedData']['domain']): boolean {
  const expected = seaportDomain(1);
  return (
    domain.name === expected.name &&
    domain.version === expected.version &&
    domain.verifyingContract === SEAPORT_ADDRESS &&
    domain.salt === undefined
  );
}

export function verifyProposal(
  item: ProposalItem,
  options: ItemCheckOptions = {},
): Checked<VerifiedProposal> {
  const { typedData } = item;
  // P1: the payload is exactly the one Parley builds for a Seaport 1.6 order on its chain.
  const chainId = ChainId.safeParse(typedData.domain.chainId);
  if (!chainId.success) return invalid('malformed', 'typedData.domain.chainId: missing');
  if (!isSeaport16(typedData.domain)) return invalid('unsupported_order', 'not a Seaport 1.6 order');
  const parsed = OrderComponentsWire.safeParse(typedData.message);
  if (!parsed.success) return invalid('malformed', 'typedData.message: not Seaport OrderComponents');
  const order = parsed.data;
  if (canonicalJson(typedData) !== canonicalJson(orderTypedData(chainId.data, order))) {
    return invalid('malformed', 'typedData: not the Seaport 1.6 OrderComponents payload');
  }
  // P2: the maker's wallet signed it.
  const hash = orderDigest(chainId.data, order);
  if (canonicalSignature(item.signature) !== item.signature) return invalid('bad_signature', 'not canonical');
  if (item.signer !== order.offerer) return invalid('bad_signature', 'the signer is not the maker');
  if (recoverSigner(hash, item.signature) !== item.signer)
    return invalid('bad_signature', 'does not recover to the signer');
  // P3: a chain this client trades on.
  if (options.chainIds !== undefined && !options.chainIds.includes(chainId.data)) {
    return invalid('wrong_chain', 'a chain this client does not trade on');
  }
  // P4: the signed salt covers the parent and the note.
  const note = item.note ?? '';
  if (!saltCommits(order.salt, item.parentHash, note)) {
    return invalid('bad_commitment', 'the salt does not commit to parentHash and note');
  }
  // P5: an order Seaport fulfills as signed, by the taker only, with every effect on the card.
  const problem = orderProblem(order);
  if (problem !== undefined) return invalid('unsupported_order', problem);
  return valid({
    kind: 'proposal',
    hash,
    orderHash: seaportOrderHash(order),
    chainId: chainId.data,
    maker: order.offerer,
    taker: order.zone,
    give: order.offer.map(assetOf),
    get: order.consideration.map(assetOf),
    parentHash: item.parentHash,
    note,
    // orderProblem bounded both times to MAX_ORDER_TIME, so these are safe integers.
    createdAt: Number(order.startTime) * 1000,
    expiresAt: Number(order.endTime) * 1000,
    order,
    signature: item.signature,
    item,
  });
}
