// The @parley/crypto surface the relay uses (wallet and device-log verification, Ed25519).
export {
  appendDeviceLogEntry,
  bytesToHex,
  type CryptoSuite,
  createSuite,
  type DeviceLogState,
  deviceLogEntryHash,
  hexToBytes,
  isCryptoError,
  verifyDeviceLog,
} from '@parley/crypto';
