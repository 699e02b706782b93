// The local store's row types (docs/architecture.md §Local store; DESIGN.md §6). Rows hold
// Uint8Arrays, numbers, strings and plain objects, never class instances, so they survive
// IndexedDB's structured clone.
import type { DeviceSessions, GroupSession } from '../deps/crypto';
import type { Content } from '../deps/protocol';
export type MessageStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | 'unverified';

export interface AccountRow {
  readonly id: 'me';
  readonly address: string;
  readonly deviceId: string;
  /** The relay session token, itself wrapped like the device keys. */
  readonly sessionToken?: WrappedSecret;
  readonly sessionExpiresAt?: number;
  /** The relay's SIWE domain (from the sign-in message): part of what a renewal signs. */
  readonly relayDomain?: string;
  /** True once this device's link entry is in the account's device log on the relay. */
  readonly linked: boolean;
  readonly createdAt: number;
}

/** A secret sealed with AES-GCM under the store's non-extractable wrapping key (key-wrap.ts). */
export interface WrappedSecret {
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
}

export interface DeviceKeysRow {
  readonly deviceId: string;
  readonly signingPublicKey: Uint8Array;
  readonly agreementPublicKey: Uint8Array;
  readonly signingPrivateKey: WrappedSecret;
  readonly agreementPrivateKey: WrappedSecret;
  /** This device's prekeys (private halves included), encoded (stored-prekeys.ts) and wrapped. */
  readonly prekeys?: WrappedSecret;
  /** When the prekeys were last published, and the signed prekey's creation time. */
  readonly prekeysPublishedAt?: number;
  readonly createdAt: number;
}

export interface DeviceLogEntryRow {
  readonly message: string;
  readonly walletSignature: string;
  readonly deviceSignature?: string | undefined;
}

export interface IdentityRow {
  readonly address: string;
  /** The wire entries of the account's device log, as last verified. */
  readonly entries: readonly DeviceLogEntryRow[];
  /** The head this device pinned: a relay that later serves a log without it is caught. */
  readonly pinnedSeq: number;
  readonly pinnedHash: string;
  /** The verified state the entries lead to (crypto's deviceLogStateToJson), so a longer log is
   * verified from here with appendDeviceLogEntry instead of from entry 0. */
  readonly state: unknown;
  readonly verifiedAt: number;
  /** Set when the person compared safety numbers; cleared when the device set changes. */
  readonly safetyVerified: boolean;
  readonly devicesChangedAt?: number;
}

export interface ContactRow {
  readonly address: string;
  readonly ens?: string;
  readonly nickname?: string;
}

export interface ConversationRow {
  readonly id: string;
  readonly kind: 'dm' | 'group';
  readonly name?: string;
  /** For a DM, the other wallet. */
  readonly peer?: string;
  readonly createdBy?: string;
  readonly myRole?: 'admin' | 'member';
  /** False once this account was removed from a group: nothing more can be read or sent. */
  readonly active?: boolean;
  readonly lastMessageAt: number;
  readonly lastMessagePreview?: string;
  readonly unreadCount: number;
  /** Highest contiguous relay seq applied; gaps above it are fetched. */
  readonly appliedSeq: number;
  /** Seqs above appliedSeq already accounted for (applied or acknowledged), ascending. A
   * non-empty list means a gap below its first element: sync fetches it (sync/gaps.ts). */
  readonly aheadSeqs?: readonly number[];
  readonly readSeq: number;
  /** Highest seq another member's delivered / read receipt covered (sent messages up to it moved
   * on from sent). In groups, any one member's receipt counts. */
  readonly peerDeliveredSeq?: number;
  readonly peerReadSeq?: number;
  /** Groups: the current state hash and how many control messages have been applied. */
  readonly stateHash?: string;
  readonly controlCount?: number;
  /** Groups: members and roles as the verified control messages say (not the relay's list). */
  readonly verifiedMembers?: Readonly<Record<string, 'admin' | 'member'>>;
}

export interface MemberRow {
  readonly conversationId: string;
  readonly address: string;
  readonly role: 'admin' | 'member';
}

export interface MessageRow {
  /** Stable across devices and retries: the outbox reuses it as the relay's client id. */
  readonly clientId: string;
  readonly conversationId: string;
  /** Relay-assigned, gapless per conversation; absent while pending. */
  readonly seq?: number;
  readonly senderAddress: string;
  readonly senderDevice: string;
  readonly sentAt: number;
  readonly serverTime?: number;
  readonly status: MessageStatus;
  /** Decoded inner content (JSON from @parley/protocol's content schemas). */
  readonly content?: unknown;
  /** Why a message could not be verified or sent; shown to the person. */
  readonly reason?: string | undefined;
  /** 1 for a message this account sent (from any of its devices), 0 otherwise. */
  readonly mine?: 0 | 1;
  /** Set by a later `edit` from the same account: when it was edited. */
  readonly editedAt?: number;
  /** Set by a later `delete` from the same account: the content is gone. */
  readonly deleted?: boolean;
  /** Reactions by emoji: the addresses that added it. */
  readonly reactions?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A reaction, edit or delete that arrived before the message it acts on (a gap filled later, or
 * both in one catch-up page): kept until the target is stored, then applied (sync/pending-effects.ts).
 * Since version 2.
 */
export interface PendingEffectRow {
  readonly id?: number;
  readonly conversationId: string;
  /** The target's client id and sender device, as the effect names them. */
  readonly targetClientId: string;
  readonly targetDevice: string;
  /** The account that sent the effect: an edit or delete counts only from the target's sender. */
  readonly sender: string;
  /** The decoded effect content (reaction, edit or delete). */
  readonly content: Content;
  /** The effect's relay seq and server time: applied in seq order; `at` is an edit's editedAt,
   * and effects whose target never comes are dropped when `at` is old (relay time). */
  readonly seq: number;
  readonly at: number;
}

export interface SealedEnvelope {
  readonly conversationId: string;
  readonly clientId: string;
  /** base64url without padding. */
  readonly body: string;
  readonly recipientDevice?: string;
}

export interface OutboxRow {
  readonly id?: number;
  readonly clientId: string;
  readonly conversationId: string;
  readonly createdAt: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly state: 'queued' | 'failed';
  readonly lastError?: string;
  /** For content with no message row (receipts): what to seal. */
  readonly hidden?: unknown;
  /** Set once sealed: every retry sends exactly these bytes under the same client id. */
  readonly sealed?: readonly SealedEnvelope[];
}

/**
 * One device pair's ratchet sessions in one conversation (crypto's DeviceSessions: structured-
 * clonable). Only the syncing tab reads or writes these, inside crypto-state's exclusive sections.
 */
export interface SessionRow {
  readonly conversationId: string;
  /** The peer device id (hex). */
  readonly peerDevice: string;
  readonly sessions: DeviceSessions;
  readonly updatedAt: number;
}

/** This device's group session for one group: held epochs and chains (crypto's GroupSession). */
export interface EpochRow {
  readonly conversationId: string;
  /** The current epoch number (for display and debugging). */
  readonly epoch: number;
  readonly session: GroupSession;
  readonly updatedAt: number;
}

/** A request from a tab that does not sync, carried out by the leader (leader/commands.ts). */
export interface CommandRow {
  readonly id?: number;
  readonly kind: string;
  readonly args: unknown;
  readonly state: 'queued' | 'done' | 'failed';
  readonly result?: unknown;
  readonly error?: { readonly kind: string; readonly message: string };
  readonly createdAt: number;
}

export interface ProposalRow {
  readonly hash: string;
  readonly conversationId: string;
  readonly state: string;
  readonly updatedAt: number;
}

export interface PreferenceRow {
  readonly key: string;
  readonly value: unknown;
}

export interface SyncRow {
  readonly key: string;
  readonly value: unknown;
}

/**
 * The store's wrapping key: a non-extractable AES-GCM CryptoKey. IndexedDB stores it by structured
 * clone, so its bytes never reach JavaScript, and a copy of the database files alone does not
 * reveal the device keys it wraps.
 */
export interface KeyringRow {
  readonly id: 'wrap';
  readonly key: CryptoKey;
}
