// Turning whatever a GraphQL call failed with into the one wire error, ProtocolError
// (packages/protocol/src/errors.ts). The relay puts the kind in extensions.kind of a GraphQL error,
// or closes the socket with a code (relay/src/errors.ts CLOSE_CODES). Anything else (a dropped
// socket, a refused connection) is `unavailable`, which isRetryable allows.
import { z } from 'zod';
import { type ErrorKind, isErrorKind, ProtocolError } from '../deps/protocol';

const CLOSE_KINDS: ReadonlyMap<number, ErrorKind> = new Map([
  [4400, 'bad_request'],
  [4401, 'unauthenticated'],
  [4403, 'forbidden'],
  [4413, 'too_large'],
  [4429, 'rate_limited'],
  [4500, 'internal'],
  [4503, 'unavailable'],
  [1009, 'too_large'],
]);

const GraphQLErrorShape = z.object({
  message: z.string().optional(),
  extensions: z
    .object({ kind: z.unknown(), retryAfterMs: z.number().finite().optional() })
    .partial()
    .optional(),
});
const CloseShape = z.object({ code: z.number().optional(), reason: z.string().optional() });

/** A GraphQL error object (`{ message, extensions: { kind, retryAfterMs? } }`) as a ProtocolError. */
export function fromGraphQLError(error: unknown): ProtocolError {
  const parsed = GraphQLErrorShape.safeParse(error);
  const kind = parsed.success ? parsed.data.extensions?.kind : undefined;
  const message = parsed.success ? parsed.data.message : undefined;
  const retryAfterMs = parsed.success ? parsed.data.extensions?.retryAfterMs : undefined;
  return new ProtocolError(
    isErrorKind(kind) ? kind : 'internal',
    (message ?? 'relay error').slice(0, 300),
    retryAfterMs === undefined ? undefined : { retryAfterMs },
  );
}

/** A WebSocket close event (or anything thrown while connecting) as a ProtocolError. */
export function fromCloseEvent(event: unknown): ProtocolError {
  if (event instanceof ProtocolError) return event;
  const parsed = CloseShape.safeParse(event);
  const code = parsed.success ? parsed.data.code : undefined;
  const reason = parsed.success ? parsed.data.reason : undefined;
  const kind = code === undefined ? undefined : CLOSE_KINDS.get(code);
  const text = reason !== undefined && reason.length > 0 ? reason : 'the connection to the relay closed';
  return new ProtocolError(kind ?? 'unavailable', text.slice(0, 300), { cause: event });
}

/** urql's CombinedError: GraphQL errors first (the relay's verdict), then the network error. */
export function fromCombinedError(error: {
  graphQLErrors: readonly unknown[];
  networkError?: unknown;
}): ProtocolError {
  const first = error.graphQLErrors[0];
  if (first !== undefined) return fromGraphQLError(first);
  const net = error.networkError;
  const inner = net instanceof Error && net.cause !== undefined ? net.cause : net;
  return fromCloseEvent(inner);
}
