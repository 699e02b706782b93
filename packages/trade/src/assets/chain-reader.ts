// The port for on-chain reads, used once an RPC URL is configured (issue 6, "Assets"). Only the
// interface lives here: an implementation (ethers JsonRpcProvider in the app) is passed in later.
// Nothing in this package reads a chain, so the export verifier needs no network.
//
// Everything a reader returns comes from the chain, not from a trusted list: a symbol from
// symbol() is the contract's claim, so a token looked up this way stays "unverified".

export interface ChainReader {
  /** ERC-20 symbol() (may be missing or odd: a contract chooses it). */
  tokenSymbol(chainId: number, contract: string): Promise<string | undefined>;
  /** ERC-20 decimals(). */
  tokenDecimals(chainId: number, contract: string): Promise<number | undefined>;
  /** ERC-721 ownerOf(tokenId), lowercase, or undefined when the token does not exist. */
  ownerOf(chainId: number, contract: string, tokenId: bigint): Promise<string | undefined>;
  /**
   * What `owner` holds: native balance (contract undefined), ERC-20 balanceOf(owner),
   * ERC-1155 balanceOf(owner, tokenId). Used to show whether the maker still holds the assets.
   */
  balanceOf(chainId: number, owner: string, asset: { contract?: string; tokenId?: bigint }): Promise<bigint>;
  /** ERC-721 tokenURI / ERC-1155 uri for metadata; the app fetches and sanitises it. */
  tokenUri(chainId: number, contract: string, tokenId: bigint): Promise<string | undefined>;
  /** Seaport getCounter(maker): the counter new orders must carry. */
  seaportCounter(chainId: number, maker: string): Promise<bigint>;
}
