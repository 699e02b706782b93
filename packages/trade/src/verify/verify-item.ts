// Verification of untrusted trade data (docs/protocol.md §11.6). `verifyItem` checks an item on its
// own; `verifyReceived` adds what only the receiver knows: who sent it and when it arrived.
import { parseTradeItem } from '../trade-item';
import { type Checked, invalid } from './invalid';
import type { VerifiedItem } from './verified';
import { type ItemCheckOptions, verifyProposal } from './verify-proposal';
import { verifyResponse } from './verify-response';

/** How far in the future a signed time may be, against the receiver's clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Parses `raw` (never cast: it may be anything) and checks it on its own. */
export function verifyItem(raw: unknown, options: ItemCheckOptions = {}): Checked<VerifiedItem> {
  const parsed = parseTradeItem(raw);
  if (!parsed.ok) return invalid('malformed', parsed.detail);
  return parsed.item.type === 'trade.proposal'
    ? verifyProposal(parsed.item, options)
    : verifyResponse(parsed.item, options);
}

export interface ReceiptContext extends ItemCheckOptions {
  /** The wallet address of the conversation member whose device sent the item. */
  readonly sender: string;
  /**
   * When the item arrived, ms since the epoch. Use the relay's serverTime for the envelope rather
   * than the local clock at decryption, so an item read later is judged by when it was sent.
   */
  readonly now: number;
}

/**
 * The receipt checks: the item itself, then (S1) that the sender's wallet signed it, (S2) that a
 * proposal has not lapsed, (S3) that no signed time is in the future beyond MAX_CLOCK_SKEW_MS.
 * Relations to other items are checked by the reducer over the whole log.
 */
export function verifyReceived(raw: unknown, context: ReceiptContext): Checked<VerifiedItem> {
  const checked = verifyItem(raw, context);
  if (!checked.ok) return checked;
  const item = checked.value;
  const signer = item.kind === 'proposal' ? item.maker : item.responder;
  if (signer !== context.sender.toLowerCase()) return invalid('wrong_signer', 'not signed by the sender');
  const signedAt = item.kind === 'proposal' ? item.createdAt : item.signedAt;
  if (item.kind === 'proposal' && context.now >= item.expiresAt)
    return invalid('expired', 'the offer has lapsed');
  if (signedAt > context.now + MAX_CLOCK_SKEW_MS) return invalid('clock_skew', 'signed in the future');
  return checked;
}
