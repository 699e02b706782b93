// Acceptance (issue 6): over random valid logs in random orders, with copies, the reducer gives the
// same state on every permutation. The signed items are made once (ECDSA is slow); each run picks a
// subset of them, shuffles it and repeats some, and compares with the subset in its original order.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { reduceNegotiations } from '../src/negotiation/reduce-negotiations';
import { createCounter, createProposal } from '../src/proposal/create-proposal';
import { createResponse } from '../src/response/create-response';
import {
  addr,
  alice,
  ape,
  bob,
  carol,
  HOUR,
  MINUTE,
  NOW,
  proposalOf,
  story,
  wallets,
  weth,
} from './fixtures';
import { handResponse } from './hand-signed';
import { seededRandom } from './seeded-random';

/** Signed items, plus a malformed one: the reducer takes untrusted data. */
let pool: unknown[] = [];

beforeAll(async () => {
  const random = seededRandom('property');
  const { offer, counter, accept } = await story(random);
  const offerP = proposalOf(offer);
  const counterP = proposalOf(counter);
  // Competing answers to the opening offer and to the counter, in both orders of time.
  const declineOffer = await createResponse(wallets, offerP, 'decline', addr(bob), NOW + HOUR + MINUTE);
  const earlyDecline = await createResponse(wallets, offerP, 'decline', addr(bob), NOW + 30 * MINUTE);
  const acceptAgain = await createResponse(wallets, counterP, 'accept', addr(alice), NOW + 3 * HOUR);
  const cancelCounter = await createResponse(wallets, counterP, 'cancel', addr(bob), NOW + 150 * MINUTE);
  const recounter = await createCounter(
    wallets,
    counterP,
    { give: [weth('1.1')], get: [ape(123)], expiresAt: NOW + 20 * HOUR },
    { now: NOW + 100 * MINUTE, random },
  );
  const acceptRecounter = await createResponse(
    wallets,
    proposalOf(recounter),
    'accept',
    addr(bob),
    NOW + 4 * HOUR,
  );
  // A second negotiation, and a third party's.
  const bobOffer = await createProposal(
    wallets,
    {
      chainId: 1,
      maker: addr(bob),
      taker: addr(alice),
      give: [ape(7)],
      get: [weth('3')],
      expiresAt: NOW + 6 * HOUR,
    },
    { now: NOW + 10 * MINUTE, random },
  );
  const aliceDeclines = await createResponse(
    wallets,
    proposalOf(bobOffer),
    'decline',
    addr(alice),
    NOW + HOUR,
  );
  const carolAccepts = await handResponse(carol, 'accept', offerP.hash, NOW + 20 * MINUTE);
  const forged = structuredClone(bobOffer);
  forged.typedData.message.counter = '1';
  pool = [
    offer,
    counter,
    accept,
    declineOffer,
    earlyDecline,
    acceptAgain,
    cancelCounter,
    recounter,
    acceptRecounter,
    bobOffer,
    aliceDeclines,
    carolAccepts,
    forged,
    { type: 'trade.response', decision: 'accept' },
  ];
});

describe('reduceNegotiations is order-free', () => {
  it('gives the same state for every permutation of a log, with or without copies', () => {
    const indexes = () => fc.constant(pool.map((_, i) => i));
    fc.assert(
      fc.property(
        indexes().chain((all) =>
          fc.record({
            subset: fc.subarray(all, { minLength: 1 }),
            order: fc.infiniteStream(fc.nat()),
            copies: fc.array(fc.nat({ max: all.length - 1 }), { maxLength: 4 }),
            now: fc.constantFrom(NOW + 2 * HOUR, NOW + 5 * HOUR, NOW + 30 * HOUR),
          }),
        ),
        ({ subset, order, copies, now }) => {
          const items = subset.map((i) => pool[i]);
          const extra = copies.map((c) => items[c % items.length]);
          const mixed = [...items, ...extra];
          // Fisher-Yates with the generated stream.
          const stream = order[Symbol.iterator]();
          for (let i = mixed.length - 1; i > 0; i--) {
            const j = (stream.next().value ?? 0) % (i + 1);
            [mixed[i], mixed[j]] = [mixed[j], mixed[i]];
          }
          expect(reduceNegotiations(mixed, { now })).toEqual(reduceNegotiations(items, { now }));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('resolves the whole pool by the earliest signed events', () => {
    const log = reduceNegotiations(pool, { now: NOW + 5 * HOUR });
    expect(reduceNegotiations([...pool].reverse(), { now: NOW + 5 * HOUR })).toEqual(log);
    // Bob's decline at 0:30 closes Alice's offer before his counter (1:00): both negotiations end declined.
    expect(log.negotiations.map((n) => n.status)).toEqual(['declined', 'declined']);
    // Without it, the counter wins, then Alice's re-counter (1:40) beats her accept (2:00), and
    // Bob accepts the re-counter: one accepted order, the re-counter's.
    const withoutEarly = pool.filter((_, i) => i !== 4);
    const n = reduceNegotiations(withoutEarly, { now: NOW + 5 * HOUR }).negotiations.find(
      (x) => x.status === 'accepted',
    );
    expect(n?.proposals.map((p) => p.status)).toEqual(['countered', 'countered', 'accepted']);
    expect(n?.accepted?.acceptedBy).toBe(addr(bob));
  });
});
