// The Engine's public contract: what the PWA (and any other UI) may call. The UI reads through
// live queries on the local database (read-model.ts) and writes only through these methods.
// Every write commits locally first and returns without waiting for the network (DESIGN.md §1.2).

import type { NftContent, TradeProposalContent, TradeResponseContent, TxContent } from './deps/protocol';
import type { SafetyNumberView } from './identity/safety';

export type { SafetyNumberView };

/** An EIP-1193 provider: a browser extension's, the built-in wallet's, or a test wallet. */
export interface Eip1193Provider {
  request(args: { method: string; params?: readonly unknown[] | Record<string, unknown> }): Promise<unknown>;
}

export type ConnectionState =
  | { readonly state: 'offline' } // the platform says there is no network
  | { readonly state: 'connecting'; readonly attempt: number }
  | { readonly state: 'reconnecting'; readonly attempt: number; readonly retryInMs: number }
  | { readonly state: 'online' }
  | { readonly state: 'idle' }; // socket closed after 5 idle minutes; reopens on demand

/** Another account's online status as this device last heard it (sync/presence.ts). */
export interface PresenceView {
  readonly address: string;
  readonly online: boolean;
  /** Local time it was last heard from; absent when unknown (or hidden by the privacy setting). */
  readonly lastSeen?: number;
}

export interface SyncProgress {
  /** Envelopes applied so far in this catch-up, and how many the relay said there are. */
  readonly done: number;
  readonly total: number;
}

export type EngineEvents = {
  connection: ConnectionState;
  sync: SyncProgress | { readonly done: true };
  /** Another device linked or revoked on a peer's account: the UI warns and resets "verified". */
  'devices-changed': { readonly address: string };
  /** A DM peer came online or went offline (never while the online-status setting is off). */
  presence: PresenceView;
  /** Who is typing in a conversation now (the syncing tab's view; empty when nobody is). */
  typing: { readonly conversationId: string; readonly typing: readonly string[] };
  /** This tab became (or stopped being) the one that syncs. */
  leader: { readonly leader: boolean };
  /** Something the person should see that is not tied to a message. */
  error: { readonly kind: string; readonly message: string };
};

/** What the composer sends. The engine adds sentAt, the device-log head and the group state hash. */
export type OutgoingContent =
  | { readonly type: 'text'; readonly body: string }
  | { readonly type: 'reply'; readonly body: string; readonly to: MessageRef }
  | { readonly type: 'reaction'; readonly emoji: string; readonly to: MessageRef; readonly remove?: boolean }
  | { readonly type: 'edit'; readonly body: string; readonly to: MessageRef }
  | { readonly type: 'delete'; readonly to: MessageRef }
  // Signed trade items (docs/protocol.md §11), made and checked by @parley/trade. The engine only
  // adds the conversation fields; receivers verify signatures before showing them as offers.
  | ({ readonly type: 'trade.proposal' } & Omit<TradeProposalContent, ConversationFields>)
  | ({ readonly type: 'trade.response' } & Omit<TradeResponseContent, ConversationFields>)
  // An NFT someone shares, and a transaction reference (a claim until an RPC confirms it).
  | ({ readonly type: 'nft' } & Omit<NftContent, ConversationFields>)
  | ({ readonly type: 'tx' } & Omit<TxContent, ConversationFields>);

/** What the engine fills in on every content (§9.1), so callers never pass them. */
type ConversationFields = 'type' | 'v' | 'sentAt' | 'deviceLogHead' | 'groupStateHash';

export interface MessageRef {
  readonly senderDevice: string;
  readonly clientId: string;
}

export interface SignInRequest {
  readonly provider: Eip1193Provider;
  /** Shown to the person before each wallet prompt, so they know what they sign and why. */
  readonly onPrompt?: (what: 'sign-in' | 'link-device') => void;
}

export interface EngineApi {
  /** Opens the database, elects the syncing tab, and starts sync when signed in. */
  start(): Promise<void>;
  stop(): Promise<void>;
  on<K extends keyof EngineEvents>(type: K, listener: (event: EngineEvents[K]) => void): () => void;

  /** SIWE sign-in, then (first time on this device) create keys and link the device: two wallet prompts. */
  signIn(request: SignInRequest): Promise<{ readonly address: string; readonly deviceId: string }>;
  /** Revokes the session on the relay and wipes every local table. */
  signOut(): Promise<void>;

  createDM(addressOrEns: string): Promise<string>;
  createGroup(name: string, members: readonly string[]): Promise<string>;
  addMembers(conversationId: string, addresses: readonly string[]): Promise<void>;
  removeMembers(conversationId: string, addresses: readonly string[]): Promise<void>;
  /** Admins only: makes a member an admin, or an admin a member (a signed control, new epoch). */
  setRole(conversationId: string, address: string, role: 'admin' | 'member'): Promise<void>;

  /** Commits the message and its outbox entry in one transaction; returns the client id at once. */
  send(conversationId: string, content: OutgoingContent): Promise<string>;
  retry(clientId: string): Promise<void>;
  discard(clientId: string): Promise<void>;
  markRead(conversationId: string, uptoSeq: number): Promise<void>;
  /** Debounced; a no-op when the typing privacy setting is off. */
  setTyping(conversationId: string, typing: boolean): void;
  revokeDevice(deviceId: string, provider: Eip1193Provider): Promise<void>;

  /** The safety number with `peer`, from the device logs verified on this device (§8). */
  safetyNumber(peer: string): Promise<SafetyNumberView>;
  /** Marks `peer` verified after comparing numbers; cleared by the engine when devices change. */
  setSafetyVerified(peer: string, verified: boolean): Promise<void>;
  /** Fetches and verifies my own device log again, for the settings' device list. */
  refreshDevices(): Promise<void>;
  /** DM peers' online status: what is known now, then every change (the 'presence' event). */
  onPresence(listener: (presence: PresenceView) => void): () => void;
}
