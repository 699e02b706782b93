// Text that came from a chain or a metadata server (token symbols, NFT names, ENS names) is
// someone else's claim. It is shown as plain text, never markup; here it also loses control and
// bidirectional-override characters (which can make "cbd.eth" render as "hte.dbc") and is cut to
// a length the layout can hold.

// C0/C1 controls, zero-width joiners and marks, bidi embeddings, overrides and isolates.
const UNSAFE = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

export function displayText(value: unknown, maxChars: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  if (cleaned.length === 0) return undefined;
  const chars = [...cleaned];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : cleaned;
}
