import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GraphQLError } from './deps/graphql';
import { ERROR_KINDS, type ErrorKind, ProtocolError } from './deps/protocol';
import { closeCodeFor, closeReason, formatGraphQLError, toProtocolError } from './errors';

describe('error mapping', () => {
  it('maps every kind to a 4xxx close code, and the documented ones exactly', () => {
    for (const kind of ERROR_KINDS) expect(closeCodeFor(kind)).toBeGreaterThanOrEqual(4000);
    const documented: ErrorKind[] = [
      'bad_request',
      'unauthenticated',
      'forbidden',
      'too_large',
      'rate_limited',
    ];
    expect(documented.map(closeCodeFor)).toEqual([4400, 4401, 4403, 4413, 4429]);
  });

  it('turns zod errors into bad_request and unknown errors into a bare internal', () => {
    const zod = z.object({ a: z.string() }).safeParse({ a: 1 });
    expect(zod.success).toBe(false);
    if (!zod.success) expect(toProtocolError(zod.error).kind).toBe('bad_request');
    const internal = toProtocolError(new Error('secret detail'));
    expect([internal.kind, internal.message]).toEqual(['internal', 'internal error']);
  });

  it('puts the kind in extensions, keeps retryAfterMs, and caps close reasons', () => {
    const wrapped = new GraphQLError('x', {
      originalError: new ProtocolError('rate_limited', 'slow', { retryAfterMs: 5 }),
    });
    expect(formatGraphQLError(wrapped).extensions).toEqual({ kind: 'rate_limited', retryAfterMs: 5 });
    expect(formatGraphQLError(new GraphQLError('Syntax Error')).extensions).toEqual({ kind: 'bad_request' });
    expect(closeReason(new ProtocolError('forbidden', 'y'.repeat(300))).length).toBeLessThanOrEqual(120);
  });
});
