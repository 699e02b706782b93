import { beforeAll, describe, expect, it } from 'vitest';
import { durationText, summarizeProposal } from '../src/summary/summarize';
import type { VerifiedProposal } from '../src/verify/verified';
import {
  APES,
  addr,
  alice,
  ape,
  bob,
  carol,
  HOUR,
  ITEMS_1155,
  MINUTE,
  NOW,
  proposalOf,
  story,
  WETH,
} from './fixtures';

const apeName = (_chain: number, contract: string) => (contract === APES ? 'Ape' : undefined);

let offer: VerifiedProposal;
beforeAll(async () => {
  offer = proposalOf((await story()).offer);
});

describe('summarizeProposal', () => {
  it('speaks to the maker: what you give, what you get, when it lapses', () => {
    const s = summarizeProposal(offer, { viewer: alice.address, now: NOW, collectionName: apeName });
    expect(s.english).toBe('You give 1 WETH. You get Ape #123. Expires in 24 hours.');
    expect(s.perspective).toBe('maker');
    expect(s.give).toEqual([
      { kind: 'coin', standard: 'erc20', contract: WETH, amount: 10n ** 18n, symbol: 'WETH', display: '1' },
    ]);
    expect(s.warnings).toEqual([]);
  });

  it('turns the sides around for the taker', () => {
    const s = summarizeProposal(offer, { viewer: addr(bob), now: NOW + 23 * HOUR + 30 * MINUTE });
    expect(s.english).toBe(
      `You give NFT ${APES.slice(0, 6)}…${APES.slice(-4)} #123. You get 1 WETH. Expires in 30 minutes.`,
    );
    expect(s.perspective).toBe('taker');
  });

  it('names the maker for an observer, and says when it expired', () => {
    const s = summarizeProposal(offer, {
      viewer: addr(carol),
      now: NOW + 24 * HOUR,
      collectionName: apeName,
    });
    expect(s.english).toBe(
      `${addr(alice).slice(0, 6)}…${addr(alice).slice(-4)} gives 1 WETH. ${addr(alice).slice(0, 6)}…${addr(alice).slice(-4)} gets Ape #123. Expired.`,
    );
    expect(s.remaining).toBe(0);
  });

  it('shows unverified tokens in base units with a warning, and a lookalike of USDC', () => {
    const fakeUsdc = `0xa0b8${'0'.repeat(32)}eb48`;
    const s = summarizeProposal(
      {
        chainId: 1,
        maker: addr(alice),
        taker: addr(bob),
        give: [{ kind: 'erc20', contract: fakeUsdc, amount: 5_000_000n }],
        get: [
          ape(1),
          { kind: 'erc1155', contract: ITEMS_1155, tokenId: 9n, amount: 3n },
          { kind: 'native', amount: 5n * 10n ** 17n },
        ],
        expiresAt: NOW + 3 * 24 * HOUR,
      },
      { viewer: addr(alice), now: NOW, collectionName: apeName },
    );
    expect(s.english).toBe(
      `You give 5000000 base units of unverified token 0xa0b8…eb48. You get Ape #1, 3 × NFT ${ITEMS_1155.slice(0, 6)}…${ITEMS_1155.slice(-4)} #9 and 0.5 ETH. Expires in 3 days.`,
    );
    expect(s.warnings).toEqual([
      { kind: 'unverified_token', contract: fakeUsdc },
      { kind: 'lookalike_token', contract: fakeUsdc, resembles: 'USDC' },
    ]);
  });
});

describe('durationText', () => {
  it.each([
    [59_000, 'less than a minute'],
    [MINUTE, '1 minute'],
    [119 * MINUTE, '119 minutes'],
    [2 * HOUR, '2 hours'],
    [47 * HOUR + 59 * MINUTE, '47 hours'],
    [48 * HOUR, '2 days'],
  ])('%d ms is %s', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});
