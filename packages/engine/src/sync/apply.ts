// Applying envelopes from the relay (catch-up pages, live events, gap fetches) in bulk: verify and
// open each one, then write every message, the crypto state that opening moved, the seq
// bookkeeping and the cursor in one transaction (DESIGN.md §3 "Receive").
//
// - Deduplication is by (conversationId, seq): a seq already accounted for (seq-tracker.ts) is
//   skipped before anything is opened, so a ratchet message delivered twice is not mistaken for a
//   replay.
// - Nothing unverified is stored as a message. An envelope that fails (tampered, replayed, from a
//   revoked or unknown device, wrong epoch) becomes a visible "could not verify" placeholder with
//   the reason, and the sync goes on: it is never silently dropped.
import { isCryptoError } from '@parley/crypto';
import type { ConversationDirectory } from '../conversations/directory';
import type { CryptoState, Workspace } from '../crypto-state/crypto-state';
import {
  decodeBase64url,
  decodeContent,
  isRetryable,
  MAX_ENVELOPE_BODY_BYTES,
  ProtocolError,
} from '../deps/protocol';
import type { Logger } from '../ports/logger';
import type { ParleyDatabase } from '../store/database';
import type { ConversationRow, MessageRow } from '../store/schema';
import type { EnvelopeOut } from '../transport/relay-schemas';
import { isVisible } from './effects';
import { type OpenedItem, pageTables, writePage } from './page-write';
import { accountFor, type SeqState, seqStateOf } from './seq-tracker';

export interface Opener {
  open(
    ws: Workspace,
    conversation: ConversationRow,
    envelope: EnvelopeOut,
    body: Uint8Array,
  ): Promise<Uint8Array>;
}

export interface ApplyDeps {
  readonly db: ParleyDatabase;
  readonly crypto: CryptoState;
  readonly opener: Opener;
  readonly directory: ConversationDirectory;
  readonly me: { readonly address: string; readonly deviceId: string };
  readonly logger: Logger;
}

export interface ApplyExtra {
  /** The catch-up cursor after this page: stored in the same transaction. */
  readonly cursor?: string;
  /** A history page covered every seq up to this one in its conversation. */
  readonly covered?: { readonly conversationId: string; readonly throughSeq: number };
}

export interface ApplyResult {
  /** Conversations with new visible messages from others, and the highest seq among them. */
  readonly received: ReadonlyMap<string, number>;
  /** Conversations whose seq bookkeeping still has a gap. */
  readonly gaps: readonly string[];
  readonly applied: number;
}

/** A failure of the relay or the network, not of the envelope: retry later. */
export function isTransient(error: unknown): boolean {
  return error instanceof ProtocolError && (isRetryable(error.kind) || error.kind === 'unauthenticated');
}

/** Why an envelope could not be verified, for the placeholder (never key material). */
export function reasonOf(error: unknown): string {
  if (isCryptoError(error)) return `could not verify (${error.kind})`;
  if (error instanceof ProtocolError) return `could not verify (${error.kind})`;
  return 'could not verify';
}

function placeholder(e: EnvelopeOut, me: string, reason: string): MessageRow {
  return {
    clientId: e.clientId,
    conversationId: e.conversationId,
    seq: e.seq,
    senderAddress: e.senderAddress,
    senderDevice: e.senderDevice,
    sentAt: e.serverTime,
    serverTime: e.serverTime,
    status: 'unverified',
    reason,
    mine: e.senderAddress === me ? 1 : 0,
  };
}

async function openOne(
  deps: ApplyDeps,
  ws: Workspace,
  conversation: ConversationRow,
  e: EnvelopeOut,
): Promise<OpenedItem> {
  const { me } = deps;
  if (e.senderAddress === me.address && e.senderDevice === me.deviceId) return { envelope: e, own: true };
  try {
    const body = decodeBase64url(e.body, MAX_ENVELOPE_BODY_BYTES);
    const plaintext = await deps.opener.open(ws, conversation, e, body);
    const content = decodeContent(plaintext);
    if (content.type !== 'unknown' && !isVisible(content)) return { envelope: e, effect: content };
    const row: MessageRow = {
      clientId: e.clientId,
      conversationId: e.conversationId,
      seq: e.seq,
      senderAddress: e.senderAddress,
      senderDevice: e.senderDevice,
      sentAt: content.sentAt,
      serverTime: e.serverTime,
      status: 'sent',
      content,
      mine: e.senderAddress === me.address ? 1 : 0,
    };
    return { envelope: e, row };
  } catch (error) {
    // The relay or the link failed while checking (a device log could not be fetched): that says
    // nothing about the envelope. Abort the whole apply; it is retried, nothing is recorded.
    if (isTransient(error)) throw error;
    deps.logger.warn('sync: an envelope could not be verified', {
      conversationId: e.conversationId,
      seq: e.seq,
      reason: reasonOf(error),
    });
    return { envelope: e, row: placeholder(e, me.address, reasonOf(error)) };
  }
}

export async function applyEnvelopes(
  deps: ApplyDeps,
  envelopes: readonly EnvelopeOut[],
  extra: ApplyExtra = {},
): Promise<ApplyResult> {
  const { db, crypto } = deps;
  const conversations = new Map<string, ConversationRow>();
  for (const id of new Set(envelopes.map((e) => e.conversationId))) {
    conversations.set(id, await deps.directory.ensure(id));
  }
  return crypto.exclusive(async (ws) => {
    const items: OpenedItem[] = [];
    const seen = new Map<string, SeqState>();
    for (const e of envelopes) {
      const conversation = conversations.get(e.conversationId);
      if (!conversation) continue;
      const stored =
        seen.get(e.conversationId) ??
        seqStateOf((await db.conversations.get(e.conversationId)) ?? conversation);
      if (e.seq <= stored.appliedSeq || stored.aheadSeqs.includes(e.seq)) continue;
      seen.set(e.conversationId, accountFor(stored, [e.seq]));
      items.push(await openOne(deps, ws, conversation, e));
    }
    return crypto.commit(ws, pageTables(db), () => writePage(db, deps.me.address, items, extra));
  });
}
