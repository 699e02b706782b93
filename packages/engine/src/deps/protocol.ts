// The @parley/protocol surface the engine uses, in one place. Imported by path from the package's
// source files (the same modules the package index re-exports), so the engine does not depend on
// what the index happens to export at the moment; once the index is settled only this file changes.

export type { NftContent, TxContent } from '../../../protocol/src/content/chain-contents';
export { decodeContent, encodeContent } from '../../../protocol/src/content/content-codec';
export type { Content } from '../../../protocol/src/content/content-schema';
export {
  isUnknownContent,
  parseKnownContent,
  type UnknownContent,
} from '../../../protocol/src/content/parse-content';
export type {
  TradeProposalContent,
  TradeResponseContent,
} from '../../../protocol/src/content/trade-contents';
export { DEVICE_LOG_PAGE_MAX, DeviceLogEntryWire } from '../../../protocol/src/device-log';
export { decodeBase64url, EnvelopeBody, encodeBase64url } from '../../../protocol/src/envelope-wire';
export { type ErrorKind, isErrorKind, isRetryable, ProtocolError } from '../../../protocol/src/errors';
export { OPERATIONS, type OperationName } from '../../../protocol/src/graphql/operations';
export {
  type GroupControlWire,
  groupControlSigningInput,
  groupGenesisHashInput,
  groupStateHashInput,
  parseGroupControl,
} from '../../../protocol/src/group-control';
export {
  MAX_BATCH_BODY_BYTES,
  MAX_BATCH_ENVELOPES,
  MAX_ENVELOPE_BODY_BYTES,
} from '../../../protocol/src/limits';
export {
  joinSignedPrekey,
  MAX_ONE_TIME_PREKEYS,
  OneTimePrekeyWire,
  PrekeyBundleWire,
  prekeyIdFromHex,
  prekeyIdHex,
  SignedPrekeyWire,
  splitSignedPrekey,
} from '../../../protocol/src/prekeys';
export { Address, hexBytes, Id16, Millis } from '../../../protocol/src/wire-primitives';
