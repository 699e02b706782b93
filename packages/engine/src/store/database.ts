// The engine's Dexie database. Every schema change is a new `version()` with an upgrade
// function and a test (database.test.ts, database-upgrade.test.ts). Never edit a shipped
// version's stores: add one.
import { Dexie, type EntityTable } from 'dexie';
import type {
  AccountRow,
  CommandRow,
  ContactRow,
  ConversationRow,
  DeviceKeysRow,
  EpochRow,
  IdentityRow,
  KeyringRow,
  MemberRow,
  MessageRow,
  OutboxRow,
  PendingEffectRow,
  PreferenceRow,
  ProposalRow,
  SessionRow,
  SyncRow,
} from './schema';

/** The stores of version 1, by table: primary key first, then indexes (Dexie's syntax). */
export const SCHEMA_V1 = {
  account: 'id',
  devices: 'deviceId',
  identities: 'address',
  contacts: 'address',
  conversations: 'id, lastMessageAt',
  members: '[conversationId+address], conversationId',
  messages: 'clientId, [conversationId+seq], [conversationId+sentAt], status',
  outbox: '++id, &clientId, nextAttemptAt, state',
  sessions: '[conversationId+peerDevice], conversationId',
  epochs: 'conversationId',
  commands: '++id, state',
  proposals: 'hash, conversationId',
  preferences: 'key',
  sync: 'key',
  keyring: 'id',
} as const;

/** Version 2 adds `pendingEffects`: effects waiting for their target, by target and by age. */
export const SCHEMA_V2_ADDED = {
  pendingEffects: '++id, [conversationId+targetClientId], at',
} as const;

export class ParleyDatabase extends Dexie {
  account!: EntityTable<AccountRow, 'id'>;
  devices!: EntityTable<DeviceKeysRow, 'deviceId'>;
  identities!: EntityTable<IdentityRow, 'address'>;
  contacts!: EntityTable<ContactRow, 'address'>;
  conversations!: EntityTable<ConversationRow, 'id'>;
  members!: Dexie.Table<MemberRow, [string, string]>;
  messages!: EntityTable<MessageRow, 'clientId'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  sessions!: Dexie.Table<SessionRow, [string, string]>;
  epochs!: EntityTable<EpochRow, 'conversationId'>;
  commands!: EntityTable<CommandRow, 'id'>;
  proposals!: EntityTable<ProposalRow, 'hash'>;
  preferences!: EntityTable<PreferenceRow, 'key'>;
  sync!: EntityTable<SyncRow, 'key'>;
  keyring!: EntityTable<KeyringRow, 'id'>;
  pendingEffects!: EntityTable<PendingEffectRow, 'id'>;

  /** `indexedDB` and `IDBKeyRange` are ports: the browser's, or fake-indexeddb's in Node. */
  constructor(name: string, deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange });
    // Dexie's liveQuery runs only when Dexie's global dependencies name an indexedDB (dexie.mjs,
    // liveQuery: `if (closed || !domDeps.indexedDB) return`). A browser always has one; in Node
    // (fake-indexeddb, no global) the first database fills them in, so live queries work there too.
    // Each database still uses its own factory from `deps`.
    if (!Dexie.dependencies.indexedDB) {
      Dexie.dependencies.indexedDB = deps.indexedDB;
      Dexie.dependencies.IDBKeyRange = deps.IDBKeyRange;
    }
    // v1. Indexes: messages by [conversationId+seq] for paging by relay order, by
    // [conversationId+sentAt] for pending messages that have no seq yet, and by status for the
    // outbox view. The primary key clientId makes a duplicate delivery a no-op put. Sessions are
    // per conversation and peer device (crypto's fan-out keeps one SessionMap per conversation).
    this.version(1).stores(SCHEMA_V1);
    // v2: a new, empty table; no existing row changes, so the upgrade has nothing to move.
    this.version(2).stores(SCHEMA_V2_ADDED);
  }
}
