import { beforeAll, describe, expect, it } from 'vitest';
import type { TradeLog } from '../src/negotiation/negotiation-state';
import { reduceNegotiations } from '../src/negotiation/reduce-negotiations';
import { createCounter } from '../src/proposal/create-proposal';
import { createResponse } from '../src/response/create-response';
import { TradeError } from '../src/trade-error';
import { rawItemKey, type TradeItem } from '../src/trade-item';
import type { InvalidReason } from '../src/verify/invalid';
import {
  addr,
  alice,
  ape,
  bob,
  carol,
  HOUR,
  NOW,
  proposalOf,
  type Story,
  story,
  wallets,
  weth,
} from './fixtures';
import { handProposal, handResponse } from './hand-signed';
import { seededRandom } from './seeded-random';

const LATER = NOW + 3 * HOUR;

function only(log: TradeLog) {
  expect(log.negotiations).toHaveLength(1);
  const [n] = log.negotiations;
  if (n === undefined) throw new Error('no negotiation');
  return n;
}

function reasonOf(log: TradeLog, item: TradeItem): InvalidReason | undefined {
  return log.invalid.find((i) => i.key === rawItemKey(item))?.reason;
}

let s: Story;
let offerHash: string;
let counterHash: string;
beforeAll(async () => {
  s = await story();
  offerHash = proposalOf(s.offer).hash;
  counterHash = proposalOf(s.counter).hash;
});

describe('reduceNegotiations: states', () => {
  it('folds the story (offer, counter, accept) into accepted, with the counter’s order hash', () => {
    const log = reduceNegotiations([s.offer, s.counter, s.accept], { now: LATER });
    const n = only(log);
    expect(log.invalid).toEqual([]);
    expect(n.status).toBe('accepted');
    expect(n.rootHash).toBe(offerHash);
    expect(n.headHash).toBe(counterHash);
    expect(n.proposals.map((p) => p.status)).toEqual(['countered', 'accepted']);
    expect(n.accepted).toEqual({
      proposalHash: counterHash,
      orderHash: proposalOf(s.counter).orderHash,
      responseHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      acceptedBy: addr(alice),
      acceptedAt: NOW + 2 * HOUR,
    });
  });

  it('is open with only the offer, countered after a counter, and expired once lapsed unanswered', () => {
    expect(only(reduceNegotiations([s.offer], { now: LATER })).status).toBe('open');
    expect(only(reduceNegotiations([s.offer, s.counter], { now: LATER })).status).toBe('countered');
    expect(only(reduceNegotiations([s.offer], { now: NOW + 24 * HOUR })).status).toBe('expired');
    expect(only(reduceNegotiations([s.offer, s.counter], { now: NOW + 25 * HOUR })).status).toBe('expired');
  });

  it('handles a counter-offer of a counter-offer, then its acceptance', async () => {
    const recounter = await createCounter(
      wallets,
      proposalOf(s.counter),
      { give: [weth('1.1')], get: [ape(123)], expiresAt: NOW + 20 * HOUR, note: 'meet in the middle?' },
      { now: NOW + 90 * 60_000, random: seededRandom('recounter') },
    );
    const items = [s.offer, s.counter, recounter];
    const countered = only(reduceNegotiations(items, { now: LATER }));
    expect(countered.status).toBe('countered');
    expect(countered.headHash).toBe(proposalOf(recounter).hash);
    expect(countered.proposals.map((p) => p.proposal.maker)).toEqual([addr(alice), addr(bob), addr(alice)]);

    const accept = await createResponse(wallets, proposalOf(recounter), 'accept', addr(bob), NOW + 2 * HOUR);
    const log = reduceNegotiations([...items, accept], { now: LATER });
    const n = only(log);
    expect(log.invalid).toEqual([]);
    expect(n.status).toBe('accepted');
    expect(n.accepted?.orderHash).toBe(proposalOf(recounter).orderHash);
    expect(n.accepted?.acceptedBy).toBe(addr(bob));
    // Alice's own earlier 'accept' of Bob's counter now comes after her counter-offer: too late.
    const both = reduceNegotiations([...items, accept, s.accept], { now: LATER });
    expect(reasonOf(both, s.accept)).toBe('already_closed');
  });

  it('records a decline and a cancel', async () => {
    const decline = await createResponse(wallets, proposalOf(s.offer), 'decline', addr(bob), NOW + HOUR);
    expect(only(reduceNegotiations([s.offer, decline], { now: LATER })).status).toBe('declined');
    const cancel = await createResponse(wallets, proposalOf(s.offer), 'cancel', addr(alice), NOW + HOUR);
    expect(only(reduceNegotiations([s.offer, cancel], { now: LATER })).status).toBe('cancelled');
  });

  it('lets the earliest signed event win a race, whatever arrives first', async () => {
    const cancel = await createResponse(
      wallets,
      proposalOf(s.counter),
      'cancel',
      addr(bob),
      NOW + 2 * HOUR + 1000,
    );
    const log = reduceNegotiations([cancel, s.accept, s.counter, s.offer], { now: LATER });
    expect(only(log).status).toBe('accepted');
    expect(reasonOf(log, cancel)).toBe('already_closed');
    const earlier = await createResponse(
      wallets,
      proposalOf(s.counter),
      'cancel',
      addr(bob),
      NOW + 2 * HOUR - 1000,
    );
    const log2 = reduceNegotiations([s.offer, s.counter, s.accept, earlier], { now: LATER });
    expect(only(log2).status).toBe('cancelled');
    expect(reasonOf(log2, s.accept)).toBe('already_closed');
  });

  it('ignores duplicates', () => {
    const log = reduceNegotiations([s.accept, s.offer, s.counter, s.accept, s.offer], { now: LATER });
    expect(log).toEqual(reduceNegotiations([s.offer, s.counter, s.accept], { now: LATER }));
  });
});

describe('reduceNegotiations: rejections', () => {
  it('rejects a forged signature, and what answers the forged proposal', () => {
    const forged = structuredClone(s.offer);
    forged.typedData.message.endTime = String(Math.floor(NOW / 1000) + 48 * 3600);
    const log = reduceNegotiations([forged, s.counter], { now: LATER });
    expect(log.negotiations).toEqual([]);
    expect(reasonOf(log, forged)).toBe('bad_signature');
    expect(reasonOf(log, s.counter)).toBe('unknown_parent');
  });

  it('rejects an acceptance by someone the offer is not addressed to (a wrong signer)', async () => {
    const carolAccepts = await handResponse(carol, 'accept', offerHash, NOW + HOUR);
    const log = reduceNegotiations([s.offer, carolAccepts], { now: LATER });
    expect(reasonOf(log, carolAccepts)).toBe('not_addressee');
    expect(only(log).status).toBe('open');
  });

  it('rejects a cancel by anyone but the maker', async () => {
    const bobCancels = await handResponse(bob, 'cancel', offerHash, NOW + HOUR);
    const log = reduceNegotiations([s.offer, bobCancels], { now: LATER });
    expect(reasonOf(log, bobCancels)).toBe('not_maker');
    expect(only(log).status).toBe('open');
  });

  it('rejects an acceptance of an expired offer', async () => {
    const late = await handResponse(bob, 'accept', offerHash, NOW + 24 * HOUR);
    const log = reduceNegotiations([s.offer, late], { now: NOW + 25 * HOUR });
    expect(reasonOf(log, late)).toBe('expired');
    expect(only(log).status).toBe('expired');
  });

  it('rejects a second acceptance', async () => {
    const again = await createResponse(
      wallets,
      proposalOf(s.counter),
      'accept',
      addr(alice),
      NOW + 2 * HOUR + 60_000,
    );
    const log = reduceNegotiations([again, s.offer, s.counter, s.accept], { now: LATER });
    expect(reasonOf(log, again)).toBe('already_accepted');
    expect(only(log).accepted?.acceptedAt).toBe(NOW + 2 * HOUR);
  });

  it('rejects a response to an unknown parent', () => {
    const log = reduceNegotiations([s.counter, s.accept], { now: LATER });
    expect(log.negotiations).toEqual([]);
    expect(reasonOf(log, s.counter)).toBe('unknown_parent');
    expect(reasonOf(log, s.accept)).toBe('unknown_parent');
  });

  it('rejects a counter not addressed back to the maker, and one by a third party', async () => {
    const base = {
      give: [ape(123)],
      get: [weth('1.2')],
      parentHash: offerHash,
      createdAt: NOW + HOUR,
      expiresAt: NOW + 5 * HOUR,
    };
    const toCarol = await handProposal({ ...base, maker: bob, taker: addr(carol) });
    const byCarol = await handProposal({ ...base, maker: carol, taker: addr(alice) });
    const log = reduceNegotiations([s.offer, toCarol, byCarol], { now: LATER });
    expect(reasonOf(log, toCarol)).toBe('bad_counter');
    expect(reasonOf(log, byCarol)).toBe('not_addressee');
    expect(only(log).status).toBe('open');
  });

  it('rejects a response signed before the proposal and one on another chain', async () => {
    const before = await handResponse(bob, 'decline', offerHash, NOW - HOUR);
    const otherChain = await handResponse(bob, 'decline', offerHash, NOW + HOUR, 8453);
    const log = reduceNegotiations([s.offer, before, otherChain], { now: LATER });
    expect(reasonOf(log, before)).toBe('bad_time');
    expect(reasonOf(log, otherChain)).toBe('wrong_chain');
  });

  it('keeps negotiations apart and lists malformed items by key', () => {
    const log = reduceNegotiations([s.offer, 'junk', { type: 'trade.response' }], { now: LATER });
    expect(log.negotiations).toHaveLength(1);
    expect(log.invalid.map((i) => i.reason)).toEqual(['malformed', 'malformed']);
    expect(log.invalid.map((i) => i.key)).toContain(rawItemKey('junk'));
  });
});

describe('createResponse', () => {
  it('refuses to ask the wallet for a response the receiver would reject', async () => {
    await expect(
      createResponse(wallets, proposalOf(s.offer), 'accept', addr(carol), NOW),
    ).rejects.toBeInstanceOf(TradeError);
    await expect(
      createResponse(wallets, proposalOf(s.offer), 'cancel', addr(bob), NOW),
    ).rejects.toMatchObject({ kind: 'bad_input' });
  });
});
