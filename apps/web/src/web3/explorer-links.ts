// Block explorer pages for what a card shows. Only the chains Parley knows; elsewhere no link.
const EXPLORERS: Readonly<Record<number, string>> = {
  1: 'https://etherscan.io',
  8453: 'https://basescan.org',
  11155111: 'https://sepolia.etherscan.io',
};

export function txExplorerUrl(chainId: number, txHash: string): string | undefined {
  const base = EXPLORERS[chainId];
  return base && /^0x[0-9a-f]{64}$/.test(txHash) ? `${base}/tx/${txHash}` : undefined;
}

export function nftExplorerUrl(chainId: number, contract: string, tokenId: string): string | undefined {
  const base = EXPLORERS[chainId];
  return base && /^0x[0-9a-f]{40}$/.test(contract) && /^[0-9]+$/.test(tokenId)
    ? `${base}/nft/${contract}/${tokenId}`
    : undefined;
}
