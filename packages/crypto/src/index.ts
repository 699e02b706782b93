// @parley/crypto: every cryptographic construction Parley uses. Runtime-neutral.

export {
  type AppendOptions,
  appendDeviceLogEntry,
  ISSUED_AT_SKEW_MS,
  normalizeAddress,
} from './device-log/append';
export {
  buildLinkDeviceMessage,
  buildRevokeDeviceMessage,
  countersignDeviceLogMessage,
  type NewDeviceKeys,
} from './device-log/build';
export {
  attachDeviceLogSignatures,
  type DeviceLogEntry,
  deviceCountersignInput,
  deviceLogEntryHash,
} from './device-log/entry';
export {
  DEVICE_LOG_MESSAGE_MAX,
  DEVICE_LOG_VERSION,
  type DeviceLogBody,
  formatDeviceLogMessage,
  type LinkDeviceBody,
  parseDeviceLogMessage,
  type RevokeDeviceBody,
} from './device-log/message-format';
export {
  type DeviceLogState,
  type DeviceRecord,
  type DeviceStatus,
  deviceStatus,
  findActiveDevice,
  findRevokedDevice,
  isDeviceActive,
  MAX_ACTIVE_DEVICES,
  type RevokedDevice,
  wasDeviceActiveAt,
} from './device-log/state';
export {
  type DeviceLogStateJson,
  deviceLogStateFromJson,
  deviceLogStateToJson,
} from './device-log/state-codec';
export { type PinnedHead, type VerifyLogOptions, verifyDeviceLog } from './device-log/verify-log';
export {
  isCanonicalWalletSignature,
  normalizeWalletSignature,
  verifyWalletSignature,
} from './device-log/wallet-signature';
export { CryptoError, type CryptoErrorKind, isCryptoError } from './errors';
export {
  type DeviceSessions,
  disposeSessionMap,
  MAX_INACTIVE_SESSIONS,
  type SessionMap,
} from './fan-out/device-sessions';
export {
  devicesWithoutSession,
  type FanOutParams,
  type FanOutRecipient,
  type FanOutResult,
  fanOut,
  MAX_FAN_OUT,
} from './fan-out/fan-out';
export {
  type ReceiveParams,
  type ReceiveResult,
  receiveRatchet,
  type SenderDevice,
} from './fan-out/receive-ratchet';
export {
  addedDevices,
  advanceEpoch,
  createEpoch,
  type EpochState,
  epochFromSecret,
  needsRotation as epochNeedsRotation,
  rotateEpoch,
  wipeEpoch,
} from './group/epoch-state';
export { type OpenedWrap, type OpenWrapParams, openEpochWrap } from './group/epoch-wrap-open';
export { sealEpochWraps, type WrapSigner } from './group/epoch-wrap-seal';
export { decodeGroupHeader, decodeWrapHeader } from './group/group-headers';
export {
  MAX_EPOCH_DEVICES,
  MAX_SKIPPED_PER_GROUP,
  PREVIOUS_EPOCH_RETENTION_MS,
  REPLAY_WINDOW_BITS,
  ROTATION_MAX_AGE_MS,
  ROTATION_MAX_MESSAGES,
  WRAP_ENTRIES_PER_ENVELOPE,
} from './group/group-limits';
export type { GroupMember } from './group/group-member';
export { type OpenedGroupMessage, type OpenGroupOptions, openGroupMessage } from './group/group-open';
export { type SealedGroupMessage, sealGroupMessage } from './group/group-seal';
export {
  createGroupSession,
  currentEpoch,
  type EpochRecord,
  type GroupSession,
  installEpoch,
  pruneEpochs,
  wipeGroupSession,
} from './group/group-session';
export { RecipientContext, SenderContext } from './hpke/context';
export {
  type OpenBaseParams,
  openBase,
  type SealBaseParams,
  type SetupBaseRParams,
  type SetupBaseSParams,
  sealBase,
  setupBaseR,
  setupBaseS,
} from './hpke/hpke';
export { AEAD_ID, KDF_ID, KEM_ID } from './hpke/labeled-kdf';
export {
  consumeOneTimePrekey,
  createDevicePrekeys,
  DEVICE_PREKEYS_VERSION,
  type DevicePrekeys,
  type PrekeyStore,
  type PublishedPrekeys,
  prekeyStoreOf,
  publishedPrekeys,
  type RetiredSignedPrekey,
  replenishOneTimePrekeys,
  rotateSignedPrekey,
} from './prekeys/device-prekeys';
export {
  generateOneTimePrekeys,
  ONE_TIME_PREKEY_TARGET,
  type OneTimePrekeyPublic,
  type OneTimePrekeyRecord,
} from './prekeys/one-time-prekeys';
export { type DeviceKeysFromLog, type PrekeyBundle, verifyPrekeyBundle } from './prekeys/prekey-bundle';
export { isPrekeyId, MAX_PREKEY_ID, NO_PREKEY_ID } from './prekeys/prekey-id';
export {
  generateSignedPrekey,
  needsRotation,
  publicSignedPrekey,
  SIGNED_PREKEY_GRACE_MS,
  SIGNED_PREKEY_ROTATION_MS,
  type SignedPrekeyPublic,
  type SignedPrekeyRecord,
  signedPrekeyMessage,
  verifySignedPrekey,
} from './prekeys/signed-prekey';
export { assertX25519PublicKey, isCanonicalX25519 } from './prekeys/x25519-public-key';
export { bytesToHex, concatBytes, equalBytes, hexToBytes, wipe } from './primitives/bytes';
export type { Ed25519, KeyPair } from './primitives/ed25519';
export { type Random, systemRandom } from './primitives/random';
export { type Backend, type CryptoSuite, createSuite, type SuiteOptions } from './primitives/suite';
export type { X25519 } from './primitives/x25519';
export {
  decodeRatchetMessage,
  type RatchetDecryptResult,
  type RatchetMessage,
  ratchetDecrypt,
  recognizesRatchetKey,
} from './ratchet/ratchet-decrypt';
export { disposeRatchetState } from './ratchet/ratchet-dispose';
export {
  type RatchetEncryptParams,
  type RatchetEncryptResult,
  ratchetEncrypt,
} from './ratchet/ratchet-encrypt';
export { decodeRatchetHeader, encodeRatchetHeader, type RatchetHeader } from './ratchet/ratchet-header';
export { initiatorState, responderState, type SessionPeers } from './ratchet/ratchet-session';
export {
  type ChainState,
  MAX_OLD_RATCHET_KEYS,
  MAX_SKIP,
  MAX_SKIPPED_KEYS,
  RATCHET_STATE_VERSION,
  type RatchetState,
  SKIPPED_KEY_TTL_MS,
  type SkippedKey,
} from './ratchet/ratchet-state';
export { parseRatchetState } from './ratchet/ratchet-state-parse';
export {
  compareSafetyQr,
  SAFETY_NUMBER_ITERATIONS,
  SAFETY_NUMBER_VERSION,
  SAFETY_QR_LENGTH,
  type SafetyIdentity,
  type SafetyNumber,
  safetyFingerprint,
  safetyIdentityOf,
  safetyNumber,
} from './safety-number/safety-number';
export {
  associatedData,
  type LocalIdentity,
  type PrekeyHeader,
  type X3dhInitiation,
  type X3dhResponse,
  type X3dhResult,
  x3dhInitiate,
  x3dhRespond,
} from './x3dh/x3dh';
