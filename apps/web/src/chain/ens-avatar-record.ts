// The ENS `avatar` text record (ENSIP-12): a URL, or a pointer to an NFT the name's owner holds.
// Parley shows only https images (ipfs:// through an https gateway); an NFT avatar counts only
// when the name's address owns the token (checked in ens-lookup.ts).

export type AvatarRecord =
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'nft';
      readonly chainId: number;
      readonly standard: 'erc721' | 'erc1155';
      readonly contract: string;
      readonly tokenId: bigint;
    };

const NFT = /^eip155:([1-9][0-9]{0,15})\/(erc721|erc1155):(0x[0-9a-fA-F]{40})\/([0-9]{1,78})$/;
const UINT256_MAX = 2n ** 256n - 1n;

export function parseAvatarRecord(text: string): AvatarRecord | undefined {
  const value = text.trim();
  const nft = NFT.exec(value);
  if (nft) {
    const [, chain, standard, contract, id] = nft;
    const tokenId = BigInt(id ?? '0');
    if (tokenId > UINT256_MAX || (standard !== 'erc721' && standard !== 'erc1155') || !contract)
      return undefined;
    return { kind: 'nft', chainId: Number(chain), standard, contract: contract.toLowerCase(), tokenId };
  }
  if (/^(https:|ipfs:)\/\//i.test(value)) return { kind: 'url', url: value };
  return undefined;
}
