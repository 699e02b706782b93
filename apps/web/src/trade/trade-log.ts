// A conversation's negotiations, derived on this device from the signed trade items it stored
// (docs/trade.md "Show state"). Every item is verified against the member who sent it before it
// counts; the reducer then folds the valid ones, so both sides reach the same state whatever order
// the messages arrived in. Verification is ECDSA recovery (about a millisecond each), so results
// are cached per conversation and recomputed only when its trade messages change.

import { TradeProposalContent, TradeResponseContent } from '@parley/protocol';
import {
  type Checked,
  type NegotiationState,
  reduceNegotiations,
  type TradeItem,
  type TradeLog,
  tradeItemOf,
  type VerifiedItem,
  verifyReceived,
} from '@parley/trade';
import type { MessageRow } from '../../../../packages/engine/src/store/schema';

export interface TradeView {
  readonly log: TradeLog;
  /** Each trade message's verdict, by client id. */
  readonly verdicts: ReadonlyMap<string, Checked<VerifiedItem>>;
  /** The negotiation each proposal or response belongs to, by the item's hash. */
  readonly negotiationOf: ReadonlyMap<string, NegotiationState>;
  /** The items that verified, in relay order (what an export is made from). */
  readonly items: readonly TradeItem[];
}

export function isTradeMessage(message: MessageRow): boolean {
  const type = (message.content as { type?: unknown } | undefined)?.type;
  return type === 'trade.proposal' || type === 'trade.response';
}

function itemOf(content: unknown): TradeItem | undefined {
  const proposal = TradeProposalContent.safeParse(content);
  if (proposal.success) return tradeItemOf(proposal.data);
  const response = TradeResponseContent.safeParse(content);
  return response.success ? tradeItemOf(response.data) : undefined;
}

const cache = new Map<string, { key: string; view: TradeView }>();

/** `messages`: the conversation's trade messages in relay order. `now` decides expiry. */
export function tradeView(conversationId: string, messages: readonly MessageRow[], now: number): TradeView {
  // Expiry moves with time: the key includes the minute, so a countdown's end is picked up.
  const key = `${Math.floor(now / 60_000)}|${messages.map((m) => `${m.clientId}:${m.seq ?? ''}`).join(',')}`;
  const hit = cache.get(conversationId);
  if (hit?.key === key) return hit.view;

  const verdicts = new Map<string, Checked<VerifiedItem>>();
  const items: TradeItem[] = [];
  for (const message of messages) {
    const item = itemOf(message.content);
    if (!item) {
      verdicts.set(message.clientId, { ok: false, reason: 'malformed', detail: 'not a trade item' });
      continue;
    }
    // The relay's time when it has one (what the other side saw too), else the send time.
    const checked = verifyReceived(item, {
      sender: message.senderAddress,
      now: message.serverTime ?? message.sentAt,
    });
    verdicts.set(message.clientId, checked);
    if (checked.ok) items.push(item);
  }
  const log = reduceNegotiations(items, { now });
  const negotiationOf = new Map<string, NegotiationState>();
  for (const negotiation of log.negotiations) {
    for (const p of negotiation.proposals) {
      negotiationOf.set(p.proposal.hash, negotiation);
      if (p.closedBy?.kind === 'response') negotiationOf.set(p.closedBy.response.hash, negotiation);
    }
  }
  // The reducer may refuse an item that verified on its own (a second acceptance, an answer to a
  // closed offer): that item is shown as invalid with the reducer's reason.
  for (const [clientId, verdict] of verdicts) {
    if (!verdict.ok) continue;
    const refused = log.invalid.find((i) => i.hash === verdict.value.hash);
    if (refused) verdicts.set(clientId, { ok: false, reason: refused.reason, detail: refused.detail });
  }
  const view = { log, verdicts, negotiationOf, items };
  cache.set(conversationId, { key, view });
  return view;
}
