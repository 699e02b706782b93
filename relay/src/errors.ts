// The two places a refusal leaves the relay: as a GraphQL error with extensions.kind, or as a
// WebSocket close code. Everything else throws ProtocolError (or a zod error, which is bad input).

import { ZodError } from 'zod';
import { GraphQLError } from './deps/graphql';
import { type ErrorKind, isErrorKind, ProtocolError } from './deps/protocol';
import type { Logger } from './logger';

/** Any thrown value as a ProtocolError; unknown errors become `internal` and are logged. */
export function toProtocolError(error: unknown, logger?: Logger): ProtocolError {
  if (error instanceof ProtocolError) return error;
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return new ProtocolError('bad_request', `${where}${issue?.message ?? 'invalid input'}`);
  }
  logger?.error({ err: error }, 'internal error');
  return new ProtocolError('internal', 'internal error');
}

function extensionsOf(e: ProtocolError): Record<string, unknown> {
  return e.retryAfterMs === undefined ? { kind: e.kind } : { kind: e.kind, retryAfterMs: e.retryAfterMs };
}

export function protocolGraphQLError(e: ProtocolError): GraphQLError {
  return new GraphQLError(e.message, { extensions: extensionsOf(e) });
}

/**
 * Maps an error in a GraphQL result. Errors thrown by resolvers carry their ProtocolError as
 * originalError; parse and validation errors have none and are bad_request unless a limit rule
 * already set a kind.
 */
export function formatGraphQLError(error: GraphQLError, logger?: Logger): GraphQLError {
  const original = error.originalError;
  if (original !== undefined && !(original instanceof GraphQLError)) {
    const p = toProtocolError(original, logger);
    return new GraphQLError(p.message, {
      ...(error.path === undefined ? {} : { path: error.path }),
      extensions: extensionsOf(p),
    });
  }
  if (isErrorKind(error.extensions.kind)) return error;
  return new GraphQLError(error.message, {
    ...(error.nodes === undefined ? {} : { nodes: error.nodes }),
    extensions: { kind: 'bad_request' },
  });
}

/** WebSocket close codes for refusals that end a connection (docs/relay.md "Close codes"). */
export const CLOSE_CODES = {
  bad_request: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  /** graphql-ws's own: no connection_init in time. */
  init_timeout: 4408,
  too_large: 4413,
  rate_limited: 4429,
  internal: 4500,
  unavailable: 4503,
  /** ws's own: a frame over maxPayload (RFC 6455 "message too big"). */
  frame_too_large: 1009,
} as const;

export function closeCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'unauthenticated':
    case 'expired':
      return CLOSE_CODES.unauthenticated;
    case 'forbidden':
      return CLOSE_CODES.forbidden;
    case 'too_large':
      return CLOSE_CODES.too_large;
    case 'rate_limited':
      return CLOSE_CODES.rate_limited;
    case 'unavailable':
      return CLOSE_CODES.unavailable;
    case 'internal':
      return CLOSE_CODES.internal;
    default:
      return CLOSE_CODES.bad_request;
  }
}

/** A close reason: `<kind>: <message>`, within the 123-byte limit of a close frame. */
export function closeReason(e: ProtocolError): string {
  const text = `${e.kind}: ${e.message}`;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
