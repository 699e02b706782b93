import type { ChainReader, VerifiedProposal } from '@parley/trade';
import { describe, expect, it } from 'vitest';
import { makerHoldings } from './holdings';

const MAKER = `0x${'aa'.repeat(20)}`;
const WETH = `0x${'c0'.repeat(20)}`;
const APES = `0x${'bc'.repeat(20)}`;

/** Stands in for a remote chain RPC (the one thing these tests cannot run): fixed answers. */
function mockChainReader(state: { weth: bigint; apeOwner: string; counter: bigint }): ChainReader {
  return {
    tokenSymbol: async () => undefined,
    tokenDecimals: async () => undefined,
    tokenUri: async () => undefined,
    ownerOf: async (_c, contract) => (contract === APES ? state.apeOwner : undefined),
    balanceOf: async (_c, _owner, asset) => (asset.contract === WETH ? state.weth : 0n),
    seaportCounter: async () => state.counter,
  };
}

const proposal = {
  chainId: 1,
  maker: MAKER,
  give: [
    { kind: 'erc20', contract: WETH, amount: 10n ** 18n },
    { kind: 'erc721', contract: APES, tokenId: 7n },
  ],
  order: { counter: '0' },
} as unknown as VerifiedProposal;

describe('makerHoldings', () => {
  it('is ok while the maker holds every asset and the counter is the order’s', async () => {
    expect(
      await makerHoldings(mockChainReader({ weth: 10n ** 18n, apeOwner: MAKER, counter: 0n }), proposal),
    ).toEqual({
      ok: true,
    });
  });

  it('names the first asset the maker no longer holds', async () => {
    const short = await makerHoldings(
      mockChainReader({ weth: 10n ** 17n, apeOwner: MAKER, counter: 0n }),
      proposal,
    );
    expect(short).toMatchObject({ ok: false, reason: 'missing_asset', asset: { kind: 'erc20' } });
    const sold = await makerHoldings(
      mockChainReader({ weth: 10n ** 18n, apeOwner: `0x${'11'.repeat(20)}`, counter: 0n }),
      proposal,
    );
    expect(sold).toMatchObject({ ok: false, reason: 'missing_asset', asset: { kind: 'erc721' } });
  });

  it('says the order was cancelled on chain when the maker’s Seaport counter moved', async () => {
    expect(
      await makerHoldings(mockChainReader({ weth: 10n ** 18n, apeOwner: MAKER, counter: 1n }), proposal),
    ).toEqual({ ok: false, reason: 'cancelled_on_chain' });
  });
});
