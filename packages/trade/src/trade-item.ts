// A signed trade item: a trade.proposal or trade.response content without the conversation fields
// (v, sentAt, deviceLogHead, groupStateHash). It is what the reducer folds and what an export holds:
// everything needed to verify it is inside, signed by a wallet (docs/protocol.md §11.5).
import {
  canonicalJson,
  checkJsonBounds,
  describeIssues,
  TradeProposalContent,
  TradeResponseContent,
} from '@parley/protocol';
import { keccak256, toUtf8Bytes } from 'ethers';
import { z } from 'zod';

const CONVERSATION_FIELDS = { v: true, sentAt: true, deviceLogHead: true, groupStateHash: true } as const;

export const ProposalItem = TradeProposalContent.omit(CONVERSATION_FIELDS);
export type ProposalItem = z.infer<typeof ProposalItem>;

export const ResponseItem = TradeResponseContent.omit(CONVERSATION_FIELDS);
export type ResponseItem = z.infer<typeof ResponseItem>;

export const TradeItem = z.discriminatedUnion('type', [ProposalItem, ResponseItem]);
export type TradeItem = z.infer<typeof TradeItem>;

/** The trade item a received content carries. */
export function tradeItemOf(content: TradeProposalContent | TradeResponseContent): TradeItem {
  const { v: _v, sentAt: _s, deviceLogHead: _d, groupStateHash: _g, ...item } = content;
  return item;
}

/**
 * Parses untrusted data as a trade item: bounded first (depth and size, like any content, so the
 * recursive typed-data schema never recurses deep), then the strict schema. Never throws.
 */
export function parseTradeItem(raw: unknown): { ok: true; item: TradeItem } | { ok: false; detail: string } {
  try {
    checkJsonBounds(raw);
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : 'not JSON data' };
  }
  const parsed = TradeItem.safeParse(raw);
  if (parsed.success) return { ok: true, item: parsed.data };
  // describeIssues names fields and rules, never values or unknown key names (attacker text).
  return { ok: false, detail: describeIssues('trade item', parsed.error.issues) };
}

/**
 * A stable name for an item that could not be verified: keccak256 of its canonical JSON, so the
 * same bytes in any order and any number of copies name one invalid entry.
 */
export function rawItemKey(raw: unknown): string {
  try {
    checkJsonBounds(raw);
    return keccak256(toUtf8Bytes(canonicalJson(raw)));
  } catch {
    return 'unhashable';
  }
}
