// The built-in list of well-known tokens per chain. A token on this list is "verified": its symbol
// and decimals come from here, never from the counterparty or the token contract itself (anyone can
// deploy a contract whose symbol() says "USDC"). Addresses are written EIP-55 checksummed, and a
// test checks every checksum, so a typo here cannot pass unnoticed.
//
// Only tokens issued on the chain by their issuer or the canonical wrapper are listed; bridged
// variants with the same symbol (e.g. USDT on Base) are left out on purpose.

export interface KnownToken {
  readonly chainId: number;
  readonly address: string;
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
}

export interface ChainInfo {
  readonly chainId: number;
  readonly name: string;
  /** The native coin, which Seaport moves as ItemType.NATIVE. */
  readonly native: { readonly symbol: string; readonly decimals: number };
}

export const MAINNET = 1;
export const BASE = 8453;
export const SEPOLIA = 11155111;

export const KNOWN_CHAINS: readonly ChainInfo[] = [
  { chainId: MAINNET, name: 'Ethereum', native: { symbol: 'ETH', decimals: 18 } },
  { chainId: BASE, name: 'Base', native: { symbol: 'ETH', decimals: 18 } },
  { chainId: SEPOLIA, name: 'Sepolia', native: { symbol: 'ETH', decimals: 18 } },
];

export const KNOWN_TOKENS: readonly KnownToken[] = [
  // Ethereum mainnet
  {
    chainId: MAINNET,
    address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
    symbol: 'WETH',
    name: 'Wrapped Ether',
    decimals: 18,
  },
  {
    chainId: MAINNET,
    address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    symbol: 'USDC',
    name: 'USD Coin',
    decimals: 6,
  },
  {
    chainId: MAINNET,
    address: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
    symbol: 'USDT',
    name: 'Tether USD',
    decimals: 6,
  },
  {
    chainId: MAINNET,
    address: '0x6B175474E89094C44Da98b954EedeAC495271d0F',
    symbol: 'DAI',
    name: 'Dai Stablecoin',
    decimals: 18,
  },
  // Base
  {
    chainId: BASE,
    address: '0x4200000000000000000000000000000000000006',
    symbol: 'WETH',
    name: 'Wrapped Ether',
    decimals: 18,
  },
  {
    chainId: BASE,
    address: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
    symbol: 'USDC',
    name: 'USD Coin',
    decimals: 6,
  },
  {
    chainId: BASE,
    address: '0x50c5725949A6F0c72E6C4a641F24049A917DB0Cb',
    symbol: 'DAI',
    name: 'Dai Stablecoin',
    decimals: 18,
  },
  // Sepolia (test network: the canonical WETH9 and Circle's test USDC)
  {
    chainId: SEPOLIA,
    address: '0xfFf9976782d46CC05630D1f6eBAb18b2324d6B14',
    symbol: 'WETH',
    name: 'Wrapped Ether',
    decimals: 18,
  },
  {
    chainId: SEPOLIA,
    address: '0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238',
    symbol: 'USDC',
    name: 'USD Coin',
    decimals: 6,
  },
];

export function chainInfo(chainId: number): ChainInfo | undefined {
  return KNOWN_CHAINS.find((c) => c.chainId === chainId);
}
