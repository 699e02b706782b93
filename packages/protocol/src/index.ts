// @parley/protocol: the wire contract shared by the relay and the engine. Runtime-neutral.
export { ERROR_KINDS, type ErrorKind, isErrorKind, isRetryable, ProtocolError } from './errors';
export { PROTOCOL_VERSION } from './version';
