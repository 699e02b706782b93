// Acceptance (issue 6): encoding an accepted proposal's order with the Seaport library's own code
// gives the hash Parley signed. seaport-js's Seaport class needs a provider; this one is a
// JsonRpcProvider on a static network whose transport records and refuses every call, and the test
// checks that none was made.
import { Seaport } from '@opensea/seaport-js';
import {
  CROSS_CHAIN_SEAPORT_V1_6_ADDRESS,
  EIP_712_ORDER_TYPE,
  SEAPORT_CONTRACT_NAME,
  SEAPORT_CONTRACT_VERSION_V1_6,
} from '@opensea/seaport-js/lib/constants.js';
import type { JsonRpcPayload, JsonRpcResult } from 'ethers';
import { concat, JsonRpcProvider, keccak256, Network, recoverAddress, TypedDataEncoder } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import { reduceNegotiations } from '../src/negotiation/reduce-negotiations';
import { toSeaportOrder } from '../src/seaport/order-typed-data';
import type { VerifiedProposal } from '../src/verify/verified';
import { addr, alice, bob, NOW, proposalOf, story } from './fixtures';

class OfflineProvider extends JsonRpcProvider {
  readonly calls: string[] = [];
  constructor() {
    super('http://127.0.0.1:9', Network.from(1), { staticNetwork: Network.from(1) });
  }
  override async _send(payload: JsonRpcPayload | JsonRpcPayload[]): Promise<JsonRpcResult[]> {
    for (const p of Array.isArray(payload) ? payload : [payload]) this.calls.push(p.method);
    throw new Error('no network in this test');
  }
}

describe('an accepted order, hashed by seaport-js', () => {
  let accepted: VerifiedProposal;
  let acceptedOrderHash: string | undefined;

  beforeAll(async () => {
    const { offer, counter, accept } = await story();
    const log = reduceNegotiations([offer, counter, accept], { now: NOW + 3 * 3_600_000 });
    acceptedOrderHash = log.negotiations[0]?.accepted?.orderHash;
    accepted = proposalOf(counter);
  });

  it('has the order hash Seaport computes, and the signed digest is Seaport’s EIP-712 digest', async () => {
    const provider = new OfflineProvider();
    // seaport-js is CommonJS, so its declarations name ethers' CommonJS classes, while this file
    // gets the ESM ones: the same class twice for tsc (private fields differ), one at run time.
    const seaport = new Seaport(provider as unknown as ConstructorParameters<typeof Seaport>[0]);
    const seaportHash = seaport.getOrderHash({
      ...accepted.order,
      totalOriginalConsiderationItems: accepted.order.consideration.length,
    });
    expect(acceptedOrderHash).toBe(accepted.orderHash);
    expect(seaportHash).toBe(accepted.orderHash);

    // The digest Seaport's _verifySignature checks: 0x1901 || domainSeparator || orderHash, with
    // the domain built from seaport-js's constants.
    const domain = {
      name: SEAPORT_CONTRACT_NAME,
      version: SEAPORT_CONTRACT_VERSION_V1_6,
      chainId: 1,
      verifyingContract: CROSS_CHAIN_SEAPORT_V1_6_ADDRESS,
    };
    const digest = keccak256(concat(['0x1901', TypedDataEncoder.hashDomain(domain), seaportHash]));
    expect(digest).toBe(accepted.hash);
    expect(TypedDataEncoder.hash(domain, EIP_712_ORDER_TYPE, accepted.order)).toBe(accepted.hash);
    // Bob made the counter, so Bob's key signed that digest: Seaport would accept the signature.
    expect(recoverAddress(digest, accepted.signature).toLowerCase()).toBe(addr(bob));
    expect(provider.calls).toEqual([]);
  });

  it('is handed to seaport-js as Bob’s order for Alice to fulfill', () => {
    const order = toSeaportOrder(accepted.order, accepted.signature);
    expect(order.signature).toBe(accepted.signature);
    expect(order.parameters.offerer).toBe(addr(bob));
    expect(order.parameters.zone).toBe(addr(alice));
    expect(order.parameters.totalOriginalConsiderationItems).toBe(1);
    expect('counter' in order.parameters).toBe(false);
  });
});
