// The @parley/crypto constructions the engine uses that the package index does not export yet,
// imported by path in this one file (the report lists them for the index). Everything the index
// already exports is imported from '@parley/crypto' directly.
export { decodeEnvelope } from '../../../crypto/src/envelope/envelope-codec';
export {
  type DeviceSessions,
  disposeSessionMap,
  type SessionMap,
} from '../../../crypto/src/fan-out/device-sessions';
export { devicesWithoutSession, type FanOutRecipient, fanOut } from '../../../crypto/src/fan-out/fan-out';
export { receiveRatchet, type SenderDevice } from '../../../crypto/src/fan-out/receive-ratchet';
export {
  addedDevices,
  advanceEpoch,
  createEpoch,
  epochFromSecret,
  rotateEpoch,
} from '../../../crypto/src/group/epoch-state';
export { openEpochWrap } from '../../../crypto/src/group/epoch-wrap-open';
export { sealEpochWraps } from '../../../crypto/src/group/epoch-wrap-seal';
export { decodeGroupHeader } from '../../../crypto/src/group/group-headers';
export type { GroupMember } from '../../../crypto/src/group/group-member';
export { openGroupMessage } from '../../../crypto/src/group/group-open';
export { sealGroupMessage } from '../../../crypto/src/group/group-seal';
export {
  createGroupSession,
  currentEpoch,
  type GroupSession,
  heldEpoch,
  installEpoch,
  wipeGroupSession,
} from '../../../crypto/src/group/group-session';
export { decodeWrapEntries } from '../../../crypto/src/group/wrap-entries';
export {
  consumeOneTimePrekey,
  createDevicePrekeys,
  type DevicePrekeys,
  prekeyStoreOf,
  publishedPrekeys,
  replenishOneTimePrekeys,
  rotateSignedPrekey,
} from '../../../crypto/src/prekeys/device-prekeys';
export type { PrekeyBundle } from '../../../crypto/src/prekeys/prekey-bundle';
export { needsRotation as signedPrekeyNeedsRotation } from '../../../crypto/src/prekeys/signed-prekey';
export { sha256 } from '../../../crypto/src/primitives/kdf';
export type { LocalIdentity } from '../../../crypto/src/x3dh/x3dh';
