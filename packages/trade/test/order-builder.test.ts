import { ItemType, OrderType } from '@opensea/seaport-js/lib/constants.js';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../src/seaport/assets';
import { buildOrder, type OrderTerms } from '../src/seaport/order-builder';
import { orderProblem } from '../src/seaport/order-rules';
import { ZERO_ADDRESS, ZERO_BYTES32 } from '../src/seaport/order-schema';
import { TradeError, type TradeErrorKind } from '../src/trade-error';
import { APES, addr, alice, ape, bob, ITEMS_1155, WETH, weth } from './fixtures';

const terms = (give: Asset[], get: Asset[], extra: Partial<OrderTerms> = {}): OrderTerms => ({
  maker: addr(alice),
  taker: addr(bob),
  give,
  get,
  startTime: 1_763_000_000,
  endTime: 1_763_086_400,
  salt: 42n,
  ...extra,
});

function expectTradeError(fn: () => unknown, kind: TradeErrorKind): TradeError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TradeError);
    expect((error as TradeError).kind).toBe(kind);
    return error as TradeError;
  }
  throw new Error(`expected TradeError(${kind})`);
}

describe('buildOrder', () => {
  it('puts what the maker gives in the offer and what it gets in the consideration, paid to the maker', () => {
    const order = buildOrder(terms([weth('1')], [ape(123)], { counter: 7n }));
    expect(order).toEqual({
      offerer: addr(alice),
      zone: addr(bob),
      offer: [
        {
          itemType: ItemType.ERC20,
          token: WETH,
          identifierOrCriteria: '0',
          startAmount: '1000000000000000000',
          endAmount: '1000000000000000000',
        },
      ],
      consideration: [
        {
          itemType: ItemType.ERC721,
          token: APES,
          identifierOrCriteria: '123',
          startAmount: '1',
          endAmount: '1',
          recipient: addr(alice),
        },
      ],
      orderType: OrderType.FULL_RESTRICTED,
      startTime: '1763000000',
      endTime: '1763086400',
      zoneHash: ZERO_BYTES32,
      salt: '42',
      conduitKey: ZERO_BYTES32,
      counter: '7',
    });
  });

  it('builds ERC-1155 and native ETH items; the counter defaults to 0', () => {
    const order = buildOrder(
      terms(
        [{ kind: 'erc1155', contract: ITEMS_1155, tokenId: 5n, amount: 3n }],
        [{ kind: 'native', amount: 10n ** 17n }],
      ),
    );
    expect(order.offer[0]).toEqual({
      itemType: ItemType.ERC1155,
      token: ITEMS_1155,
      identifierOrCriteria: '5',
      startAmount: '3',
      endAmount: '3',
    });
    expect(order.consideration[0]).toEqual({
      itemType: ItemType.NATIVE,
      token: ZERO_ADDRESS,
      identifierOrCriteria: '0',
      startAmount: '100000000000000000',
      endAmount: '100000000000000000',
      recipient: addr(alice),
    });
    expect(order.counter).toBe('0');
    expect(orderProblem(order)).toBeUndefined();
  });

  it('accepts checksummed addresses and writes them in lowercase', () => {
    const order = buildOrder({ ...terms([weth('1')], [ape(1)]), maker: alice.address, taker: bob.address });
    expect(order.offerer).toBe(addr(alice));
    expect(order.zone).toBe(addr(bob));
  });

  it('refuses native ETH on the maker’s side with native_offer (Seaport reverts InvalidNativeOfferItem)', () => {
    const error = expectTradeError(
      () => buildOrder(terms([{ kind: 'native', amount: 1n }], [ape(1)])),
      'native_offer',
    );
    expect(error.message).toContain('WETH');
  });

  it.each<[string, () => unknown]>([
    ['an empty side', () => buildOrder(terms([], [ape(1)]))],
    ['a zero amount', () => buildOrder(terms([weth('0')], [ape(1)]))],
    [
      'an amount over uint256',
      () => buildOrder(terms([{ kind: 'erc20', contract: WETH, amount: 2n ** 256n }], [ape(1)])),
    ],
    [
      'a negative token id',
      () => buildOrder(terms([weth('1')], [{ kind: 'erc721', contract: APES, tokenId: -1n }])),
    ],
    [
      'a bad checksum',
      () =>
        buildOrder({
          ...terms([weth('1')], [ape(1)]),
          maker: alice.address.replace(/[a-f]/, (c) => c.toUpperCase()),
        }),
    ],
    ['the maker as taker', () => buildOrder({ ...terms([weth('1')], [ape(1)]), taker: addr(alice) })],
    ['an end before the start', () => buildOrder(terms([weth('1')], [ape(1)], { endTime: 1_763_000_000 }))],
    ['a fractional time', () => buildOrder(terms([weth('1')], [ape(1)], { startTime: 1.5 }))],
    ['a negative counter', () => buildOrder(terms([weth('1')], [ape(1)], { counter: -1n }))],
    [
      '17 items',
      () =>
        buildOrder(
          terms(
            Array.from({ length: 17 }, (_, i) => ape(i)),
            [weth('1')],
          ),
        ),
    ],
  ])('refuses %s with bad_input', (_name, fn) => {
    expectTradeError(fn, 'bad_input');
  });
});

/** The first element, for tests that edit it (no non-null assertions). */
function at<T>(list: T[]): T {
  const first = list[0];
  if (first === undefined) throw new Error('empty');
  return first;
}

describe('orderProblem', () => {
  const good = () => buildOrder(terms([weth('1')], [ape(123)]));

  it.each<[string, (o: ReturnType<typeof good>) => void, string]>([
    [
      'an open order',
      (o) => {
        o.orderType = OrderType.FULL_OPEN;
      },
      'FULL_RESTRICTED',
    ],
    [
      'no zone',
      (o) => {
        o.zone = ZERO_ADDRESS;
      },
      'zone',
    ],
    [
      'a conduit',
      (o) => {
        o.conduitKey = `0x${'11'.repeat(32)}`;
      },
      'conduit',
    ],
    [
      'a zone hash',
      (o) => {
        o.zoneHash = `0x${'11'.repeat(32)}`;
      },
      'zone hash',
    ],
    [
      'a fee to someone else',
      (o) => {
        o.consideration.push({ ...at(o.consideration), recipient: addr(bob) });
      },
      'not paid to the maker',
    ],
    [
      'a criteria item',
      (o) => {
        at(o.consideration).itemType = ItemType.ERC721_WITH_CRITERIA;
      },
      'criteria',
    ],
    [
      'a native offer',
      (o) => {
        o.offer[0] = {
          itemType: ItemType.NATIVE,
          token: ZERO_ADDRESS,
          identifierOrCriteria: '0',
          startAmount: '1',
          endAmount: '1',
        };
      },
      'native',
    ],
    [
      'two ERC-721s in one item',
      (o) => {
        at(o.consideration).startAmount = '2';
        at(o.consideration).endAmount = '2';
      },
      'ERC-721',
    ],
    [
      'a descending amount',
      (o) => {
        at(o.offer).endAmount = '1';
      },
      'differ',
    ],
    [
      'an ERC-20 with an id',
      (o) => {
        at(o.offer).identifierOrCriteria = '1';
      },
      'identifier',
    ],
    [
      'an end past the range',
      (o) => {
        o.endTime = (2n ** 64n).toString();
      },
      'range',
    ],
  ])('names %s', (_name, mutate, words) => {
    const order = good();
    mutate(order);
    expect(orderProblem(order)).toContain(words);
  });
});
