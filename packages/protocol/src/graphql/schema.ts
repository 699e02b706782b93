// The GraphQL schema the relay serves at /graphql, over HTTP (graphql-http) and WebSocket
// (graphql-ws, subprotocol graphql-transport-ws). Every argument is also parsed with a zod schema
// on the relay; these types are the outer shape only. Ids and addresses are lowercase hex
// strings, bodies are base64url without padding, times are ms since the Unix epoch (Float, since
// GraphQL Int is 32-bit). Cursors are opaque strings. docs/relay.md describes each operation.
export const RELAY_SDL = /* GraphQL */ `
type Query {
  "The signed-in session."
  me: Me!
  "A page of an account's device log, from sequence number \`fromSeq\`."
  deviceLog(address: String!, fromSeq: Int = 0): DeviceLogPage!
  "My conversations, ordered by id."
  conversations(first: Int = 50, after: String): ConversationPage!
  conversation(id: String!): Conversation!
  members(conversationId: String!, first: Int = 100, after: String): MemberPage!
  "Envelopes with seq > afterSeq that this device may read, in seq order."
  history(conversationId: String!, afterSeq: Int = 0, first: Int = 100): HistoryPage!
  "Envelopes in all my conversations after \`cursor\`, in commit order."
  catchUp(cursor: String, first: Int = 100): CatchUpPage!
  "Group control messages from index \`fromIndex\`, each with this device's key wrap if any."
  groupControls(conversationId: String!, fromIndex: Int = 0, first: Int = 100): GroupControlPage!
}

type Mutation {
  "An EIP-4361 message to sign with the wallet; its nonce is single-use and lives 5 minutes."
  challenge(address: String!, deviceId: String!): Challenge!
  signIn(message: String!, signature: String!): Session!
  "A single-use challenge for renewSession, signed by a device key from the account's log."
  deviceChallenge(address: String!, deviceId: String!): DeviceChallenge!
  renewSession(address: String!, deviceId: String!, challenge: String!, signature: String!): Session!
  "Revokes the current session."
  signOut: Boolean!
  "Appends entries at sequence \`fromSeq\` (the current length) to my device log."
  publishDeviceLog(fromSeq: Int!, entries: [DeviceLogEntryInput!]!): DeviceLogHead!
  "Publishes this device's signed prekey and/or more one-time prekeys."
  publishPrekeys(signedPrekey: String, oneTimePrekeys: [OneTimePrekeyInput!]! = []): Boolean!
  "Another device's prekey bundle; its one-time prekey (if any is left) is handed out once."
  claimPrekeyBundle(address: String!, deviceId: String!): PrekeyBundle!
  "The DM with \`peer\` (created on first call)."
  createDm(peer: String!): Conversation!
  "A new group with me as its only member and admin."
  createGroup: Conversation!
  groupControl(control: GroupControlInput!, wraps: [KeyWrapInput!]! = []): GroupControl!
  send(envelopes: [EnvelopeInput!]!): [Receipt!]!
  "An ephemeral signal (typing, presence) to the other members; never stored."
  signal(conversationId: String!, kind: SignalKind!, active: Boolean!): Boolean!
}

type Subscription {
  "Everything live for this device, in all its conversations, on one subscription."
  events: Event!
}

type Me {
  address: String!
  deviceId: String!
  expiresAt: Float!
}

type Challenge {
  message: String!
  expiresAt: Float!
}

type DeviceChallenge {
  challenge: String!
  expiresAt: Float!
}

type Session {
  token: String!
  address: String!
  deviceId: String!
  expiresAt: Float!
}

input DeviceLogEntryInput {
  message: String!
  walletSignature: String!
  deviceSignature: String
}

type DeviceLogEntry {
  message: String!
  walletSignature: String!
  deviceSignature: String
}

type DeviceLogPage {
  address: String!
  fromSeq: Int!
  entries: [DeviceLogEntry!]!
  hasMore: Boolean!
}

type DeviceLogHead {
  seq: Int!
  hash: String!
}

input OneTimePrekeyInput {
  keyId: String!
  publicKey: String!
}

type OneTimePrekey {
  keyId: String!
  publicKey: String!
}

type PrekeyBundle {
  address: String!
  deviceId: String!
  signedPrekey: String!
  oneTimePrekey: OneTimePrekey
}

enum ConversationKind {
  dm
  group
}

enum Role {
  admin
  member
}

type Conversation {
  id: String!
  kind: ConversationKind!
  createdBy: String!
  createdAt: Float!
  lastSeq: Int!
  stateHash: String!
  controlCount: Int!
  myRole: Role!
}

type ConversationPage {
  items: [Conversation!]!
  hasMore: Boolean!
  next: String
}

type Member {
  address: String!
  role: Role!
  joinedAt: Float!
}

type MemberPage {
  items: [Member!]!
  hasMore: Boolean!
  next: String
}

input EnvelopeInput {
  conversationId: String!
  clientId: String!
  body: String!
  recipientDevice: String
}

type Receipt {
  conversationId: String!
  clientId: String!
  seq: Int!
  serverTime: Float!
  duplicate: Boolean!
}

type Envelope {
  conversationId: String!
  clientId: String!
  body: String!
  recipientDevice: String
  seq: Int!
  senderAddress: String!
  senderDevice: String!
  serverTime: Float!
}

type HistoryPage {
  items: [Envelope!]!
  hasMore: Boolean!
  "The highest seq this page covered, including seqs with no copy for this device."
  throughSeq: Int!
}

type CatchUpPage {
  items: [Envelope!]!
  hasMore: Boolean!
  cursor: String!
}

input GroupControlInput {
  conversationId: String!
  action: String!
  targets: [String!]!
  prevStateHash: String!
  signerAddress: String!
  signerDevice: String!
  issuedAt: Float!
  signature: String!
}

input KeyWrapInput {
  recipientDevice: String!
  body: String!
}

type GroupControl {
  conversationId: String!
  index: Int!
  "The signed control message as canonical JSON (packages/protocol/src/group-control.ts)."
  control: String!
  stateHash: String!
  serverTime: Float!
  "This device's key wrap for the control, if the sender sealed one to it."
  wrap: String
}

type GroupControlPage {
  items: [GroupControl!]!
  hasMore: Boolean!
}

enum SignalKind {
  typing
  presence
}

type EnvelopeEvent {
  envelope: Envelope!
}

type KeyWrapEvent {
  conversationId: String!
  "Index of the group control this wrap belongs to."
  controlIndex: Int!
  body: String!
}

type MembershipEvent {
  conversationId: String!
  "create (a DM or group I am in was created), add, remove, promote, demote or rotate."
  action: String!
  targets: [String!]!
  stateHash: String!
  "Index of the group control (null for create)."
  index: Int
  control: String
}

type SignalEvent {
  conversationId: String!
  kind: SignalKind!
  active: Boolean!
  fromAddress: String!
  fromDevice: String!
}

"Live pushes stopped (the socket fell behind): catch up from the cursor, then subscribe again."
type ResyncEvent {
  "The ProtocolError kind: backpressure."
  errorKind: String!
  reason: String!
}

union Event = EnvelopeEvent | KeyWrapEvent | MembershipEvent | SignalEvent | ResyncEvent
`;
