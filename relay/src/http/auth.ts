// Resolves a bearer token (HTTP Authorization header or graphql-ws connection_init payload) to
// its session. Only the token's hash is looked up; the token itself is never stored or logged.
import { hashToken } from '../auth/tokens';
import { ProtocolError } from '../deps/protocol';
import type { Auth, Services } from '../graphql/context';

export async function authFromToken(s: Services, token: string): Promise<Auth> {
  if (token.length < 16 || token.length > 128)
    throw new ProtocolError('unauthenticated', 'malformed session token');
  const tokenHash = hashToken(token);
  const session = await s.store.findSession(tokenHash, s.clock.now());
  if (session === undefined)
    throw new ProtocolError('unauthenticated', 'the session is unknown, expired or revoked');
  return { session, tokenHash };
}

/** undefined when there is no Authorization header; throws when there is a bad one. */
export async function authFromHeader(s: Services, header: string | undefined): Promise<Auth | undefined> {
  if (header === undefined) return undefined;
  const match = /^Bearer (\S+)$/.exec(header);
  if (match?.[1] === undefined)
    throw new ProtocolError('unauthenticated', 'expected Authorization: Bearer <token>');
  return authFromToken(s, match[1]);
}
