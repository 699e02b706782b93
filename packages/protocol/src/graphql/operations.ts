// The operation documents the engine sends to the relay. The relay's integration tests use these
// same documents, so a schema change that breaks one fails there.
const ENVELOPE_FIELDS =
  'conversationId clientId body recipientDevice seq senderAddress senderDevice serverTime';
const CONVERSATION_FIELDS = 'id kind createdBy createdAt lastSeq stateHash controlCount myRole';
const SESSION_FIELDS = 'token address deviceId expiresAt';
const CONTROL_FIELDS = 'conversationId index control stateHash serverTime wrap';

export const OPERATIONS = {
  challenge: `mutation Challenge($address: String!, $deviceId: String!) {
  challenge(address: $address, deviceId: $deviceId) { message expiresAt }
}`,
  signIn: `mutation SignIn($message: String!, $signature: String!) {
  signIn(message: $message, signature: $signature) { ${SESSION_FIELDS} }
}`,
  deviceChallenge: `mutation DeviceChallenge($address: String!, $deviceId: String!) {
  deviceChallenge(address: $address, deviceId: $deviceId) { challenge expiresAt }
}`,
  renewSession: `mutation RenewSession($address: String!, $deviceId: String!, $challenge: String!, $signature: String!) {
  renewSession(address: $address, deviceId: $deviceId, challenge: $challenge, signature: $signature) { ${SESSION_FIELDS} }
}`,
  signOut: 'mutation SignOut { signOut }',
  me: 'query Me { me { address deviceId expiresAt } }',
  deviceLog: `query DeviceLog($address: String!, $fromSeq: Int) {
  deviceLog(address: $address, fromSeq: $fromSeq) { address fromSeq hasMore entries { message walletSignature deviceSignature } }
}`,
  publishDeviceLog: `mutation PublishDeviceLog($fromSeq: Int!, $entries: [DeviceLogEntryInput!]!) {
  publishDeviceLog(fromSeq: $fromSeq, entries: $entries) { seq hash }
}`,
  publishPrekeys: `mutation PublishPrekeys($signedPrekey: String, $oneTimePrekeys: [OneTimePrekeyInput!]!) {
  publishPrekeys(signedPrekey: $signedPrekey, oneTimePrekeys: $oneTimePrekeys)
}`,
  claimPrekeyBundle: `mutation ClaimPrekeyBundle($address: String!, $deviceId: String!) {
  claimPrekeyBundle(address: $address, deviceId: $deviceId) { address deviceId signedPrekey oneTimePrekey { keyId publicKey } }
}`,
  createDm: `mutation CreateDm($peer: String!) { createDm(peer: $peer) { ${CONVERSATION_FIELDS} } }`,
  createGroup: `mutation CreateGroup { createGroup { ${CONVERSATION_FIELDS} } }`,
  conversations: `query Conversations($first: Int, $after: String) {
  conversations(first: $first, after: $after) { hasMore next items { ${CONVERSATION_FIELDS} } }
}`,
  conversation: `query Conversation($id: String!) { conversation(id: $id) { ${CONVERSATION_FIELDS} } }`,
  members: `query Members($conversationId: String!, $first: Int, $after: String) {
  members(conversationId: $conversationId, first: $first, after: $after) { hasMore next items { address role joinedAt } }
}`,
  groupControl: `mutation GroupControl($control: GroupControlInput!, $wraps: [KeyWrapInput!]!) {
  groupControl(control: $control, wraps: $wraps) { ${CONTROL_FIELDS} }
}`,
  groupControls: `query GroupControls($conversationId: String!, $fromIndex: Int, $first: Int) {
  groupControls(conversationId: $conversationId, fromIndex: $fromIndex, first: $first) { hasMore items { ${CONTROL_FIELDS} } }
}`,
  send: `mutation Send($envelopes: [EnvelopeInput!]!) {
  send(envelopes: $envelopes) { conversationId clientId seq serverTime duplicate }
}`,
  history: `query History($conversationId: String!, $afterSeq: Int, $first: Int) {
  history(conversationId: $conversationId, afterSeq: $afterSeq, first: $first) { hasMore throughSeq items { ${ENVELOPE_FIELDS} } }
}`,
  catchUp: `query CatchUp($cursor: String, $first: Int) {
  catchUp(cursor: $cursor, first: $first) { hasMore cursor items { ${ENVELOPE_FIELDS} } }
}`,
  signal: `mutation Signal($conversationId: String!, $kind: SignalKind!, $active: Boolean!) {
  signal(conversationId: $conversationId, kind: $kind, active: $active)
}`,
  events: `subscription Events {
  events {
    __typename
    ... on EnvelopeEvent { envelope { ${ENVELOPE_FIELDS} } }
    ... on KeyWrapEvent { conversationId controlIndex body }
    ... on MembershipEvent { conversationId action targets stateHash index control }
    ... on SignalEvent { conversationId kind active fromAddress fromDevice }
    ... on ResyncEvent { errorKind reason }
  }
}`,
} as const;

export type OperationName = keyof typeof OPERATIONS;
