// Whether the maker can still deliver what an offer gives (issue #6 "Assets"): each asset still
// held in the amount offered, and the order's Seaport counter still the maker's (a raised counter
// cancels every earlier order on chain). Read through the ChainReader port when an RPC URL is set;
// shown on the card and checked again right before Accept.
import type { Asset, ChainReader, VerifiedProposal } from '@parley/trade';

export type Holdings =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing_asset'; readonly asset: Asset }
  | { readonly ok: false; readonly reason: 'cancelled_on_chain' };

async function holds(reader: ChainReader, chainId: number, maker: string, asset: Asset): Promise<boolean> {
  switch (asset.kind) {
    case 'native':
      return (await reader.balanceOf(chainId, maker, {})) >= asset.amount;
    case 'erc20':
      return (await reader.balanceOf(chainId, maker, { contract: asset.contract })) >= asset.amount;
    case 'erc721':
      return (await reader.ownerOf(chainId, asset.contract, asset.tokenId)) === maker;
    case 'erc1155':
      return (
        (await reader.balanceOf(chainId, maker, { contract: asset.contract, tokenId: asset.tokenId })) >=
        asset.amount
      );
  }
}

export async function makerHoldings(reader: ChainReader, p: VerifiedProposal): Promise<Holdings> {
  if ((await reader.seaportCounter(p.chainId, p.maker)) !== BigInt(p.order.counter))
    return { ok: false, reason: 'cancelled_on_chain' };
  for (const asset of p.give) {
    if (!(await holds(reader, p.chainId, p.maker, asset)))
      return { ok: false, reason: 'missing_asset', asset };
  }
  return { ok: true };
}
