import { ItemType } from '@opensea/seaport-js/lib/constants.js';
import { Signature, toBeHex } from 'ethers';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalSignature } from '../src/eip1193';
import { makeSalt } from '../src/proposal/salt-commitment';
import { responseTypedData } from '../src/response/response-typed-data';
import { buildOrder } from '../src/seaport/order-builder';
import type { OrderComponentsWire } from '../src/seaport/order-schema';
import { orderTypedData } from '../src/seaport/order-typed-data';
import type { ProposalItem, ResponseItem } from '../src/trade-item';
import type { InvalidReason } from '../src/verify/invalid';
import { MAX_CLOCK_SKEW_MS, verifyItem, verifyReceived } from '../src/verify/verify-item';
import { addr, alice, ape, bob, carol, HOUR, NOW, type Story, story, weth } from './fixtures';
import { signWith } from './hand-signed';

const sign = signWith;

/** A proposal signed straight with the wallet, bypassing the builder's rules. */
async function handMade(
  order: OrderComponentsWire,
  typedData = orderTypedData(1, order),
): Promise<ProposalItem> {
  return {
    type: 'trade.proposal',
    typedData,
    signature: await sign(alice, typedData),
    signer: addr(alice),
    parentHash: null,
  };
}

function expectInvalid(raw: unknown, reason: InvalidReason, options = {}): string {
  const result = verifyItem(raw, options);
  expect(result.ok ? 'valid' : result.reason).toBe(reason);
  return result.ok ? '' : result.detail;
}

const clone = <T>(v: T): T => structuredClone(v);
/** secp256k1's group order. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const orderOf = (p: ProposalItem) => p.typedData.message as unknown as OrderComponentsWire;

let s: Story;
beforeAll(async () => {
  s = await story();
});

describe('verifyItem: proposals', () => {
  it('verifies the opening offer and reads its meaning', () => {
    const result = verifyItem(s.offer);
    if (!result.ok || result.value.kind !== 'proposal') throw new Error('expected a valid proposal');
    const p = result.value;
    expect(p.maker).toBe(addr(alice));
    expect(p.taker).toBe(addr(bob));
    expect(p.give).toEqual([weth('1')]);
    expect(p.get).toEqual([ape(123)]);
    expect(p.note).toBe('gm, 1 WETH for your ape?');
    expect(p.parentHash).toBeNull();
    expect(p.createdAt).toBe(NOW);
    expect(p.expiresAt).toBe(NOW + 24 * HOUR);
    expect(p.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(p.orderHash).not.toBe(p.hash);
  });

  it.each<[string, unknown]>([
    ['a string', 'trade.proposal'],
    ['null', null],
    ['an unknown type', { type: 'trade.escrow' }],
  ])('refuses %s as malformed', (_name, raw) => {
    expectInvalid(raw, 'malformed');
  });

  it('refuses an extra key, a missing field, deep nesting, and trimmed Seaport types as malformed', () => {
    // The detail names the rule, never the attacker's key.
    expect(expectInvalid({ ...s.offer, hiddenPayload: 1 }, 'malformed')).not.toContain('hiddenPayload');
    const { signer: _signer, ...noSigner } = s.offer;
    expectInvalid(noSigner, 'malformed');
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    const nested = clone(s.offer);
    nested.typedData.message.offer = deep as never;
    expectInvalid(nested, 'malformed');
    const trimmed = clone(s.offer);
    trimmed.typedData.types.OrderComponents = (trimmed.typedData.types.OrderComponents ?? []).filter(
      (f) => f.name !== 'zoneHash',
    );
    expectInvalid(trimmed, 'malformed');
  });

  it('refuses a changed amount under the old signature (a forgery) as bad_signature', () => {
    const forged = clone(s.offer);
    const order = orderOf(forged);
    order.offer = [
      { ...order.offer[0], startAmount: '1', endAmount: '1' } as OrderComponentsWire['offer'][number],
    ];
    expect(expectInvalid(forged, 'bad_signature')).toContain('recover');
  });

  it('refuses another key’s signature and a signer that is not the maker as bad_signature', async () => {
    expectInvalid({ ...s.offer, signature: await sign(carol, s.offer.typedData) }, 'bad_signature');
    const carolSigned = { ...s.offer, signature: await sign(carol, s.offer.typedData), signer: addr(carol) };
    expect(expectInvalid(carolSigned, 'bad_signature')).toContain('not the maker');
  });

  it('refuses the v = 0 spelling of a valid signature as bad_signature (one spelling on the wire)', () => {
    const v = s.offer.signature.slice(-2) === '1b' ? '00' : '01';
    expectInvalid({ ...s.offer, signature: s.offer.signature.slice(0, -2) + v }, 'bad_signature');
  });

  it('refuses the high-s twin of a valid signature as bad_signature (EIP-2)', () => {
    const sig = Signature.from(s.offer.signature);
    const twin = `${sig.r}${toBeHex(N - BigInt(sig.s), 32).slice(2)}${sig.v === 27 ? '1c' : '1b'}`;
    expectInvalid({ ...s.offer, signature: twin }, 'bad_signature');
    // ethers refuses an s with its top bit set; the few s in (n/2, 2^255) are refused by Parley.
    const r = `0x${'11'.repeat(32)}`;
    expect(canonicalSignature(`${r}${toBeHex(N / 2n, 32).slice(2)}1b`)).toBeDefined();
    expect(canonicalSignature(`${r}${toBeHex(N / 2n + 1n, 32).slice(2)}1b`)).toBeUndefined();
  });

  it('refuses a changed note or parentHash as bad_commitment', () => {
    expectInvalid({ ...s.offer, note: 'gm, 2 WETH for your ape?' }, 'bad_commitment');
    const { note: _note, ...noNote } = s.offer;
    expectInvalid(noNote, 'bad_commitment');
    expectInvalid({ ...s.offer, parentHash: `0x${'ab'.repeat(32)}` }, 'bad_commitment');
  });

  it('refuses a signed order with native ETH offered as unsupported_order', async () => {
    const order = buildOrder({
      maker: addr(alice),
      taker: addr(bob),
      give: [weth('1')],
      get: [ape(1)],
      startTime: NOW / 1000,
      endTime: NOW / 1000 + 3600,
      salt: makeSalt(null, ''),
    });
    order.offer = [
      {
        itemType: ItemType.NATIVE,
        token: `0x${'00'.repeat(20)}`,
        identifierOrCriteria: '0',
        startAmount: '1',
        endAmount: '1',
      },
    ];
    expect(expectInvalid(await handMade(order), 'unsupported_order')).toContain('native');
  });

  it('refuses a Seaport 1.5 order as unsupported_order', async () => {
    const order = orderOf(s.offer);
    const typedData = orderTypedData(1, order);
    typedData.domain = {
      ...typedData.domain,
      version: '1.5',
      verifyingContract: '0x00000000000000adc04c56bf30ac9d3c0aaf14dc',
    };
    expectInvalid(await handMade(order, typedData), 'unsupported_order');
  });

  it('refuses a chain the client does not trade on as wrong_chain', () => {
    expectInvalid(s.offer, 'wrong_chain', { chainIds: [8453] });
    expect(verifyItem(s.offer, { chainIds: [1, 8453] }).ok).toBe(true);
  });
});

describe('verifyItem: responses', () => {
  it('verifies an accept', () => {
    const result = verifyItem(s.accept);
    if (!result.ok || result.value.kind !== 'response') throw new Error('expected a valid response');
    expect(result.value.action).toBe('accept');
    expect(result.value.responder).toBe(addr(alice));
    expect(result.value.signedAt).toBe(NOW + 2 * HOUR);
  });

  it('refuses a decision or parentHash that differs from what was signed as malformed', () => {
    expect(expectInvalid({ ...s.accept, decision: 'decline' }, 'malformed')).toContain('decision');
    expect(expectInvalid({ ...s.accept, parentHash: s.offer.signature.slice(0, 66) }, 'malformed')).toContain(
      'parentHash',
    );
  });

  it('refuses an accept signed over another action as bad_signature', async () => {
    const typedData = responseTypedData(1, {
      action: 'decline',
      proposal: s.accept.parentHash,
      signedAt: '1763007200',
    });
    const declined: ResponseItem = {
      ...s.accept,
      decision: 'decline',
      typedData,
      signature: s.accept.signature,
    };
    expectInvalid(declined, 'bad_signature');
    expect(verifyItem({ ...declined, signature: await sign(alice, typedData) }).ok).toBe(true);
  });

  it('refuses a response whose typed data has an extra field as malformed', async () => {
    const typedData = clone(s.accept.typedData);
    typedData.message.extra = 'x';
    expectInvalid({ ...s.accept, typedData, signature: s.accept.signature }, 'malformed');
  });
});

describe('verifyReceived', () => {
  const at = NOW + 30 * 60_000;

  it('accepts an item signed by the member who sent it', () => {
    expect(verifyReceived(s.offer, { sender: alice.address, now: at }).ok).toBe(true);
  });

  it('refuses an item signed by someone other than the sender as wrong_signer', () => {
    const result = verifyReceived(s.offer, { sender: addr(carol), now: at });
    expect(result.ok ? 'valid' : result.reason).toBe('wrong_signer');
  });

  it('refuses a proposal that arrives after it lapsed as expired', () => {
    const result = verifyReceived(s.offer, { sender: addr(alice), now: NOW + 24 * HOUR });
    expect(result.ok ? 'valid' : result.reason).toBe('expired');
    expect(verifyReceived(s.offer, { sender: addr(alice), now: NOW + 24 * HOUR - 1 }).ok).toBe(true);
  });

  it('refuses an item signed further in the future than the skew as clock_skew', () => {
    const early = NOW + 2 * HOUR - MAX_CLOCK_SKEW_MS - 1;
    const result = verifyReceived(s.accept, { sender: addr(alice), now: early });
    expect(result.ok ? 'valid' : result.reason).toBe('clock_skew');
    expect(verifyReceived(s.accept, { sender: addr(alice), now: early + 1 }).ok).toBe(true);
  });

  it('checks the chain against the chains the client trades on', () => {
    const result = verifyReceived(s.offer, { sender: addr(alice), now: at, chainIds: [11155111] });
    expect(result.ok ? 'valid' : result.reason).toBe('wrong_chain');
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      undefined,
      0,
      [],
      { type: 'trade.proposal', typedData: { types: { __proto__: [] } } },
      Object.create(null),
    ];
    for (const raw of hostile) expect(verifyReceived(raw, { sender: addr(alice), now: at }).ok).toBe(false);
  });
});
