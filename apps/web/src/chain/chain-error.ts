// Why an on-chain read gave no answer. Callers that only enhance the UI (names, metadata) treat
// every kind as "nothing to show"; the trade card distinguishes "cannot check" from "does not hold".

export type ChainErrorKind =
  | 'no_rpc' // no RPC URL is configured for this chain
  | 'wrong_chain' // the RPC serves another chain than the one it is configured for
  | 'unreachable' // network error, timeout or an HTTP error from the RPC
  | 'bad_response' // the RPC or a contract answered something malformed
  | 'refused' // a URL we will not fetch (not https, a script, a private address...)
  | 'too_large'; // a response over its size limit

export class ChainError extends Error {
  constructor(
    readonly kind: ChainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'ChainError';
  }
}

export function isChainError(error: unknown, kind?: ChainErrorKind): error is ChainError {
  return error instanceof ChainError && (kind === undefined || error.kind === kind);
}
