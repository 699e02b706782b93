// What a claimed transfer moved, in words: "1.5 WETH", "250 units of 0x12…cd" (an unknown token
// whose decimals we do not trust), "token #7 of 0xab…ef". Symbols come from the built-in list
// (verified) or, with an RPC, from the contract itself (shown, but still marked unverified).

import type { TxContent } from '@parley/protocol';
import { chainInfo, formatAmount, lookupToken, nativeToken } from '@parley/trade';
import { shortAddress } from '../format/address';

export type TransferWhat =
  | { readonly kind: 'amount'; readonly amount: string; readonly symbol: string; readonly verified: boolean }
  | { readonly kind: 'units'; readonly amount: string; readonly contract: string }
  | { readonly kind: 'nft'; readonly count: string; readonly tokenId: string; readonly contract: string };

/** `onChain`: the contract's own symbol and decimals, when an RPC was asked. */
export function transferWhat(
  chainId: number,
  transfer: TxContent['transfer'],
  onChain?: { readonly symbol?: string; readonly decimals?: number },
): TransferWhat {
  const asset = transfer.asset;
  const amount = BigInt(transfer.amount);
  if (asset.standard === 'native') {
    const native = nativeToken(chainId);
    return {
      kind: 'amount',
      amount: formatAmount(amount, native.decimals),
      symbol: native.symbol,
      verified: true,
    };
  }
  if (asset.standard === 'erc20') {
    const token = lookupToken(chainId, asset.contract);
    if (token.status !== 'unverified')
      return {
        kind: 'amount',
        amount: formatAmount(amount, token.decimals),
        symbol: token.symbol,
        verified: true,
      };
    if (onChain?.symbol !== undefined && onChain.decimals !== undefined)
      return {
        kind: 'amount',
        amount: formatAmount(amount, onChain.decimals),
        symbol: onChain.symbol,
        verified: false,
      };
    return { kind: 'units', amount: transfer.amount, contract: shortAddress(asset.contract) };
  }
  return {
    kind: 'nft',
    count: transfer.amount,
    tokenId: shortTokenId(asset.tokenId),
    contract: shortAddress(asset.contract),
  };
}

/** Token ids can be 78 digits; long ones are shortened for display (the full id is in title). */
export function shortTokenId(tokenId: string): string {
  return tokenId.length > 12 ? `${tokenId.slice(0, 6)}…${tokenId.slice(-4)}` : tokenId;
}

export function chainLabel(chainId: number): string | undefined {
  return chainInfo(chainId)?.name;
}
