// Any failure of sealing or sending as the one wire error, so isRetryable decides what happens
// next. A CryptoError while sealing (a prekey bundle that does not verify, a device-set limit) will
// not go away by trying again, so it is not retryable; an unknown error is `internal`, which is.
import { isCryptoError } from '@parley/crypto';
import { ProtocolError } from '../deps/protocol';

export function failureOf(error: unknown): ProtocolError {
  if (error instanceof ProtocolError) return error;
  if (isCryptoError(error))
    return new ProtocolError('bad_request', `could not seal the message (${error.kind})`, { cause: error });
  return new ProtocolError('internal', 'unexpected error while sending', { cause: error });
}
