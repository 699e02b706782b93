// The one wire error. The relay returns it as a GraphQL error (extensions.kind) or a WebSocket
// close code; the engine turns both back into a ProtocolError. `isRetryable` is the only place
// that decides whether a client may try again.

export const ERROR_KINDS = [
  'bad_request', // a frame, argument or payload that does not parse against its schema
  'too_large', // a frame, envelope, batch or blob over its cap
  'unauthenticated', // no session, or an expired or revoked one
  'forbidden', // signed in, but not a member, not an admin, or not the owner
  'not_found', // no such conversation, device log, blob or prekey
  'conflict', // a stale device-log head, a group control on an old state hash
  'bad_signature', // a SIWE, device-log or control signature that does not verify
  'replay', // a nonce, challenge or client id used in a way that is not allowed
  'expired', // a SIWE message, challenge or session past its time
  'rate_limited', // a token bucket is empty; retry after `retryAfterMs`
  'backpressure', // the socket fell behind; live pushes stopped, resync from the cursor
  'unsupported_version', // the peer speaks a protocol version this build does not
  'unavailable', // storage or fan-out is down for the moment
  'internal', // a bug on the relay; its logs have the detail, the message does not
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly kind: ErrorKind;
  /** For rate_limited: how long to wait before trying again. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: ErrorKind, message: string, options?: { retryAfterMs?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

/** The one function that decides whether a failed request may be sent again unchanged. */
export function isRetryable(kind: ErrorKind): boolean {
  switch (kind) {
    case 'rate_limited':
    case 'backpressure':
    case 'unavailable':
    case 'internal':
      return true;
    default:
      return false;
  }
}
