// @parley/protocol: the wire contract shared by the relay and the engine. Runtime-neutral.

export {
  DEVICE_LOG_MESSAGE_MAX,
  DEVICE_LOG_PAGE_MAX,
  DeviceLogEntryWire,
  DeviceLogHead,
  DeviceLogPage,
} from './device-log';
export { ERROR_KINDS, type ErrorKind, isErrorKind, isRetryable, ProtocolError } from './errors';
export { PROTOCOL_VERSION } from './version';
