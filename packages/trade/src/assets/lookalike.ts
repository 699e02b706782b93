// Address-poisoning check. Wallet UIs and people compare an address by its first and last few
// characters, so attackers generate vanity addresses that share them with someone the victim trusts.
// Parley flags an address that is not a known one but shares at least LOOKALIKE_PREFIX leading and
// LOOKALIKE_SUFFIX trailing hex digits with one (case-insensitive, after "0x"): 4 + 4 covers the
// common "0x1234…abcd" display; generating such an address takes about 2^32 tries, within reach of
// an attacker, which is exactly why the warning matters. The check is the same for contacts and for
// token contracts (a fake "USDC" next to the real one).

export const LOOKALIKE_PREFIX = 4;
export const LOOKALIKE_SUFFIX = 4;

export interface KnownAddress {
  readonly address: string;
  /** How the UI names it: a contact's name, a token's symbol. */
  readonly label: string;
}

export interface Lookalike {
  readonly known: KnownAddress;
  /** Leading and trailing hex digits shared with the known address. */
  readonly prefix: number;
  readonly suffix: number;
}

function hexDigits(address: string): string | undefined {
  const lower = address.toLowerCase();
  return /^0x[0-9a-f]{40}$/.test(lower) ? lower.slice(2) : undefined;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The known addresses `address` imitates: same leading and trailing digits, different address.
 * Empty when it is one of them, or resembles none. An exact match is never a lookalike.
 */
export function findLookalikes(address: string, known: readonly KnownAddress[]): readonly Lookalike[] {
  const digits = hexDigits(address);
  if (digits === undefined) return [];
  if (known.some((k) => hexDigits(k.address) === digits)) return [];
  const found: Lookalike[] = [];
  for (const k of known) {
    const other = hexDigits(k.address);
    if (other === undefined) continue;
    const prefix = commonPrefix(digits, other);
    const suffix = commonSuffix(digits, other);
    if (prefix >= LOOKALIKE_PREFIX && suffix >= LOOKALIKE_SUFFIX) found.push({ known: k, prefix, suffix });
  }
  return found;
}
