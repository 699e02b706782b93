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
export { bytesToHex, concatBytes, equalBytes, hexToBytes, wipe } from './primitives/bytes';
export type { Ed25519, KeyPair } from './primitives/ed25519';
export { type Random, systemRandom } from './primitives/random';
export { type Backend, type CryptoSuite, createSuite, type SuiteOptions } from './primitives/suite';
export type { X25519 } from './primitives/x25519';
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
