// @parley/crypto: every cryptographic construction Parley uses. Runtime-neutral.
export { CryptoError, type CryptoErrorKind, isCryptoError } from './errors';
export { bytesToHex, concatBytes, equalBytes, hexToBytes, wipe } from './primitives/bytes';
export type { Ed25519, KeyPair } from './primitives/ed25519';
export { type Random, systemRandom } from './primitives/random';
export { type Backend, type CryptoSuite, createSuite, type SuiteOptions } from './primitives/suite';
export type { X25519 } from './primitives/x25519';
