// Wallet addresses and ENS names as the person types and reads them. Addresses go on the wire in
// lowercase 0x-hex; the EIP-55 checksum of a mixed-case address is checked lazily
// (address-checksum.ts) so the initial bundle carries no keccak.

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
// An ENS name: dot-separated labels without spaces or control characters, at least one dot, no
// empty label. Full ENSIP-15 normalisation happens where it is resolved (the engine).
const ENS_NAME = /^(?:[^\s.\p{Cc}]+\.)+[^\s.\p{Cc}]{2,}$/u;
const MAX_ENS_CHARS = 255;

export type Recipient =
  | { readonly kind: 'address'; readonly value: string; readonly mixedCase: boolean }
  | { readonly kind: 'ens'; readonly value: string };

export type RecipientError = 'empty' | 'invalid';

export function isAddress(value: string): boolean {
  return ADDRESS.test(value);
}

/** Reads what was typed in the "Wallet address or ENS name" box. */
export function parseRecipient(input: string): Recipient | RecipientError {
  const text = input.trim();
  if (text.length === 0) return 'empty';
  if (/^0x/i.test(text)) {
    if (!ADDRESS.test(text)) return 'invalid';
    const hex = text.slice(2);
    const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
    return { kind: 'address', value: `0x${hex.toLowerCase()}`, mixedCase };
  }
  if (text.length > MAX_ENS_CHARS || !ENS_NAME.test(text)) return 'invalid';
  return { kind: 'ens', value: text.toLowerCase() };
}

/** 0x1234…abcd: enough to recognise, short enough for a list row. */
export function shortAddress(address: string): string {
  return isAddress(address) ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}
