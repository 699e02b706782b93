// The "Members" box of a new group: one wallet address or ENS name per line (commas and spaces
// also separate), duplicates and my own address dropped. The first bad entry is named by its
// 1-based position so the person can find it.
import { parseRecipient, type Recipient } from './address';

export type RecipientList =
  | { readonly ok: true; readonly recipients: readonly Recipient[] }
  | { readonly ok: false; readonly error: 'empty' }
  | { readonly ok: false; readonly error: 'invalid'; readonly position: number };

export function parseRecipientList(text: string, me: string): RecipientList {
  const entries = text.split(/[\s,;]+/).filter((e) => e.length > 0);
  const seen = new Set<string>([me.toLowerCase()]);
  const recipients: Recipient[] = [];
  for (const [i, entry] of entries.entries()) {
    const parsed = parseRecipient(entry);
    if (typeof parsed === 'string') return { ok: false, error: 'invalid', position: i + 1 };
    if (seen.has(parsed.value)) continue;
    seen.add(parsed.value);
    recipients.push(parsed);
  }
  return recipients.length === 0 ? { ok: false, error: 'empty' } : { ok: true, recipients };
}
