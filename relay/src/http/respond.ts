// Small response helpers: JSON bodies and ProtocolError refusals with their HTTP status.
import type { ServerResponse } from 'node:http';
import type { ErrorKind, ProtocolError } from '../deps/protocol';

const STATUS: Partial<Record<ErrorKind, number>> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A refusal outside GraphQL: `{ errors: [{ message, extensions: { kind } }] }` like GraphQL's. */
export function sendError(res: ServerResponse, e: ProtocolError) {
  const headers: Record<string, string> =
    e.retryAfterMs === undefined ? {} : { 'retry-after': String(Math.ceil(e.retryAfterMs / 1000)) };
  if (e.kind === 'too_large') headers.connection = 'close';
  const extensions =
    e.retryAfterMs === undefined ? { kind: e.kind } : { kind: e.kind, retryAfterMs: e.retryAfterMs };
  sendJson(res, STATUS[e.kind] ?? 400, { errors: [{ message: e.message, extensions }] }, headers);
}
