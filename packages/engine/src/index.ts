// @parley/engine: the local-first core between the UI's database and the relay. Runtime-neutral.
export { Engine } from './engine';
export type {
  ConnectionState,
  Eip1193Provider,
  EngineApi,
  EngineEvents,
  MessageRef,
  OutgoingContent,
  PresenceView,
  SafetyNumberView,
  SignInRequest,
  SyncProgress,
} from './engine-api';
export {
  DEFAULT_DATABASE,
  type EngineOptions,
  PREF_ONLINE_STATUS,
  PREF_READ_RECEIPTS,
  PREF_TYPING,
} from './engine-options';
export { type Clock, systemClock } from './ports/clock';
export type { LockManagerLike } from './ports/locks';
export { type Logger, silentLogger } from './ports/logger';
export { alwaysOnline, type Network } from './ports/network';
export {
  type ConversationView,
  conversationList,
  failedMessages,
  type MessagePage,
  memberPage,
  messagePage,
  type SyncStatus,
  syncStatus,
} from './read-model';
export { ParleyDatabase } from './store/database';
export type {
  AccountRow,
  ConversationRow,
  IdentityRow,
  MemberRow,
  MessageRow,
  MessageStatus,
  OutboxRow,
  PendingEffectRow,
  PreferenceRow,
} from './store/schema';
export type { BackoffPolicy } from './sync/backoff';
export { createGraphqlTransport, IDLE_CLOSE_MS } from './transport/graphql-transport';
