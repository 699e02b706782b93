// The RelayStore port: everything the relay persists. One implementation runs over SQL
// (sql-store.ts) on either PGlite or PostgreSQL; the conformance suite in relay/test holds both
// adapters to the same behaviour. Every method that must be atomic says so.

export interface Session {
  readonly address: string;
  readonly deviceId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface DeviceRecord {
  readonly deviceId: string;
  /** Ed25519 public key, lowercase hex. */
  readonly signingKey: string;
  readonly active: boolean;
}

export interface OneTimePrekey {
  readonly keyId: string;
  readonly publicKey: string;
}

export interface PrekeyBundleRecord {
  readonly address: string;
  readonly deviceId: string;
  /** The signed prekey as the client published it (opaque to the relay beyond its schema). */
  readonly signedPrekey: string;
  readonly oneTimePrekey: OneTimePrekey | undefined;
}

export type ConversationKind = 'dm' | 'group';
export type Role = 'admin' | 'member';

export interface ConversationRecord {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly lastSeq: number;
  readonly stateHash: string;
  readonly controlCount: number;
}

export interface MemberRecord {
  readonly address: string;
  readonly role: Role;
  readonly joinedAt: number;
}

export interface NewEnvelope {
  readonly conversationId: string;
  readonly clientId: string;
  /** Set for a message every member device reads (group); unset when `copies` carries it. */
  readonly body: string | undefined;
  /** One sealed copy per recipient device (ratchet messages). */
  readonly copies: ReadonlyArray<{ readonly recipientDevice: string; readonly body: string }>;
}

export interface Receipt {
  readonly conversationId: string;
  readonly clientId: string;
  readonly seq: number;
  readonly serverTime: number;
  /** True when this client id was already stored: nothing new was written. */
  readonly duplicate: boolean;
}

export interface StoredEnvelope {
  readonly conversationId: string;
  readonly seq: number;
  /** Global commit-ordered position; the catch-up cursor. */
  readonly position: number;
  readonly clientId: string;
  readonly senderAddress: string;
  readonly senderDevice: string;
  readonly serverTime: number;
  /** The body this reader may see: the shared body, its own copy, or undefined (not for it). */
  readonly body: string | undefined;
  /** Set when `body` is this reader's own per-device copy. */
  readonly recipientDevice: string | undefined;
}

/** A stored envelope with every copy, as published to subscribers (who each pick their own). */
export interface FannedEnvelope extends StoredEnvelope {
  readonly copies: ReadonlyArray<{ readonly recipientDevice: string; readonly body: string }>;
}

export interface ControlRecord {
  readonly conversationId: string;
  readonly index: number;
  /** The signed control message as canonical JSON. */
  readonly control: string;
  readonly stateHash: string;
  readonly serverTime: number;
  /** This reader's key wrap for the control, if one was sent to its device. */
  readonly wrap: string | undefined;
}

export interface MembershipChange {
  readonly add: ReadonlyArray<{ readonly address: string; readonly role: Role }>;
  readonly remove: readonly string[];
  readonly setRole: ReadonlyArray<{ readonly address: string; readonly role: Role }>;
}

export interface NewControl {
  readonly conversationId: string;
  readonly prevStateHash: string;
  readonly newStateHash: string;
  readonly control: string;
  readonly change: MembershipChange;
  readonly wraps: ReadonlyArray<{ readonly recipientDevice: string; readonly body: string }>;
  readonly serverTime: number;
}

/** Where an envelope sits: what Redis carries instead of the envelope (docs/operations.md). */
export interface EnvelopeRef {
  readonly conversationId: string;
  readonly seq: number;
  readonly position: number;
}

/** A stored group control with every key wrap, for fan-out to other relays' subscribers. */
export interface ControlFanout {
  readonly conversationId: string;
  readonly index: number;
  readonly control: string;
  readonly stateHash: string;
  readonly wraps: ReadonlyArray<{ readonly recipientDevice: string; readonly body: string }>;
}

/**
 * The reads cluster fan-out needs (pubsub/redis-pubsub.ts): a relay that learns of an envelope or
 * control from Redis fetches it here, and one that missed some (Redis down) polls the tail.
 */
export interface FanoutReads {
  /** The highest envelope position committed so far (0 when there is none). */
  lastPosition(): Promise<number>;
  /** Envelopes after `afterPosition` in position order: where they are, not what they say. */
  envelopeRefsAfter(afterPosition: number, limit: number): Promise<Page<EnvelopeRef>>;
  /** The envelopes at these positions with every per-device copy, in position order. */
  envelopesAt(positions: readonly number[]): Promise<FannedEnvelope[]>;
  /** One control with all its wraps, or undefined if there is none at that index. */
  controlAt(conversationId: string, index: number): Promise<ControlFanout | undefined>;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly hasMore: boolean;
}

export interface RelayStore extends FanoutReads {
  // Auth. consume* are atomic: of two concurrent calls with one nonce, exactly one returns true.
  putNonce(nonce: string, address: string, expiresAt: number): Promise<void>;
  consumeNonce(nonce: string, address: string, now: number): Promise<boolean>;
  createSession(tokenHash: string, session: Session): Promise<void>;
  findSession(tokenHash: string, now: number): Promise<Session | undefined>;
  revokeSession(tokenHash: string, now: number): Promise<void>;
  /** Revokes every live session of a device (its log revoked it). */
  revokeDeviceSessions(address: string, deviceId: string, now: number): Promise<void>;
  putDeviceChallenge(challenge: string, address: string, deviceId: string, expiresAt: number): Promise<void>;
  consumeDeviceChallenge(challenge: string, address: string, deviceId: string, now: number): Promise<boolean>;

  // Identities. appendDeviceLog is atomic and fails with `conflict` unless the stored log has
  // exactly `expectedLength` entries (so two writers cannot fork a log).
  getDeviceLog(address: string): Promise<string[]>;
  appendDeviceLog(
    address: string,
    expectedLength: number,
    entries: readonly string[],
    devices: readonly DeviceRecord[],
  ): Promise<void>;
  getDevice(address: string, deviceId: string): Promise<DeviceRecord | undefined>;
  putPrekeys(
    address: string,
    deviceId: string,
    signedPrekey: string | undefined,
    oneTime: readonly OneTimePrekey[],
  ): Promise<void>;
  /** Atomic: each one-time prekey is handed out at most once. */
  claimPrekeyBundle(address: string, deviceId: string): Promise<PrekeyBundleRecord | undefined>;

  // Conversations.
  createConversation(
    conversation: Omit<ConversationRecord, 'lastSeq' | 'controlCount'>,
    members: ReadonlyArray<{ readonly address: string; readonly role: Role }>,
    dmKey: string | undefined,
  ): Promise<ConversationRecord>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  listConversations(
    address: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<Page<ConversationRecord>>;
  getMember(conversationId: string, address: string): Promise<MemberRecord | undefined>;
  listMembers(
    conversationId: string,
    afterAddress: string | undefined,
    limit: number,
  ): Promise<Page<MemberRecord>>;
  /** Atomic; fails with `conflict` when the conversation's state hash is not `prevStateHash`. */
  applyControl(control: NewControl): Promise<ControlRecord>;
  listControls(
    conversationId: string,
    readerDevice: string,
    fromIndex: number,
    limit: number,
  ): Promise<Page<ControlRecord>>;

  // Envelopes. appendEnvelopes is one transaction: the sender's membership is checked inside it,
  // seq is allocated gaplessly per conversation, and a known (sender, client id) is not rewritten.
  appendEnvelopes(
    senderAddress: string,
    senderDevice: string,
    envelopes: readonly NewEnvelope[],
    now: number,
  ): Promise<{ receipts: Receipt[]; stored: FannedEnvelope[] }>;
  history(
    conversationId: string,
    readerDevice: string,
    afterSeq: number,
    limit: number,
  ): Promise<Page<StoredEnvelope>>;
  catchUp(
    address: string,
    readerDevice: string,
    afterPosition: number,
    limit: number,
  ): Promise<Page<StoredEnvelope>>;

  // Blobs (content-addressed by SHA-256).
  putBlob(id: string, data: Uint8Array, owner: string, now: number): Promise<void>;
  getBlob(id: string): Promise<Uint8Array | undefined>;

  close(): Promise<void>;
}
