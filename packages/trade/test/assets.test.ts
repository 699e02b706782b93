import { getAddress } from 'ethers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../src/assets/amounts';
import { BASE, KNOWN_TOKENS, MAINNET, SEPOLIA } from '../src/assets/known-tokens';
import { findLookalikes } from '../src/assets/lookalike';
import { decimalsFor, lookupToken, nativeToken, tokensOf } from '../src/assets/token-lookup';
import { TradeError } from '../src/trade-error';
import { USDC, WETH } from './fixtures';

describe('the built-in token list', () => {
  it('spells every address as a valid EIP-55 checksum (so a typo cannot slip in)', () => {
    for (const token of KNOWN_TOKENS) expect(getAddress(token.address)).toBe(token.address);
  });

  it('has WETH and USDC on mainnet, Base and Sepolia, and USDT and DAI where they are native', () => {
    const symbols = (chainId: number) =>
      tokensOf(chainId)
        .map((t) => t.symbol)
        .sort();
    expect(symbols(MAINNET)).toEqual(['DAI', 'USDC', 'USDT', 'WETH']);
    expect(symbols(BASE)).toEqual(['DAI', 'USDC', 'WETH']);
    expect(symbols(SEPOLIA)).toEqual(['USDC', 'WETH']);
  });

  it('has no two entries for one contract or one symbol per chain', () => {
    const keys = KNOWN_TOKENS.map((t) => `${t.chainId}:${t.address.toLowerCase()}`);
    const symbols = KNOWN_TOKENS.map((t) => `${t.chainId}:${t.symbol}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(symbols).size).toBe(symbols.length);
  });
});

describe('lookupToken', () => {
  it('marks a listed contract verified, in any case, with its decimals', () => {
    expect(lookupToken(1, getAddress(USDC))).toEqual({
      status: 'verified',
      chainId: 1,
      address: USDC,
      symbol: 'USDC',
      decimals: 6,
    });
    expect(lookupToken(1, WETH)).toMatchObject({ status: 'verified', symbol: 'WETH', decimals: 18 });
  });

  it('marks a contract unverified on a chain where it is not listed, and asks for decimals', () => {
    const token = lookupToken(8453, WETH);
    expect(token.status).toBe('unverified');
    expect(() => decimalsFor(token)).toThrow(TradeError);
    expect(decimalsFor(token, 8)).toBe(8);
    expect(() => decimalsFor(token, 256)).toThrow(TradeError);
    expect(decimalsFor(lookupToken(1, USDC), 18)).toBe(6);
    expect(nativeToken(BASE)).toEqual({ status: 'native', chainId: BASE, symbol: 'ETH', decimals: 18 });
  });
});

describe('amounts', () => {
  it('parses and formats with the token’s decimals', () => {
    expect(parseAmount('1.2', 18)).toBe(1_200_000_000_000_000_000n);
    expect(parseAmount(' 1000 ', 6)).toBe(1_000_000_000n);
    expect(parseAmount('0.000001', 6)).toBe(1n);
    expect(formatAmount(1_200_000_000_000_000_000n, 18)).toBe('1.2');
    expect(formatAmount(1_000_000_000n, 6)).toBe('1000');
    expect(formatAmount(0n, 6)).toBe('0');
  });

  it.each(['1e18', '-1', '1,5', '.5', '1.', '', '0x10', '1.0000001'])(
    'refuses %j (6 decimals) rather than round it',
    (text) => {
      expect(() => parseAmount(text, 6)).toThrow(TradeError);
    },
  );

  it('round-trips any amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        fc.integer({ min: 0, max: 30 }),
        (value, decimals) => {
          expect(parseAmount(formatAmount(value, decimals), decimals)).toBe(value);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('findLookalikes', () => {
  const contacts = [
    { address: '0x1234567890abcdef1234567890abcdef12345678', label: 'Bob' },
    { address: '0xabcdef0000000000000000000000000000009999', label: 'Carol' },
  ];

  it('flags an address sharing the first 4 and last 4 hex digits with a contact', () => {
    const fake = '0x1234000000000000000000000000000000005678';
    expect(findLookalikes(fake, contacts)).toEqual([{ known: contacts[0], prefix: 4, suffix: 4 }]);
    expect(findLookalikes(fake.toUpperCase().replace('0X', '0x'), contacts)).toHaveLength(1);
  });

  it('does not flag the contact itself, an address sharing only one end, or three digits', () => {
    expect(findLookalikes(contacts[0]?.address ?? '', contacts)).toEqual([]);
    expect(findLookalikes('0x1234000000000000000000000000000000000000', contacts)).toEqual([]);
    expect(findLookalikes('0x1230000000000000000000000000000000005678', contacts)).toEqual([]);
    expect(findLookalikes('not an address', contacts)).toEqual([]);
  });

  it('flags a fake token next to a listed one', () => {
    const real = tokensOf(1).map((t) => ({ address: t.address, label: t.symbol }));
    const fakeUsdc = `0xa0b8${'0'.repeat(32)}eb48`;
    expect(findLookalikes(fakeUsdc, real).map((l) => l.known.label)).toEqual(['USDC']);
  });
});
