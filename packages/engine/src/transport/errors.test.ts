import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../deps/protocol';
import { fromCloseEvent, fromCombinedError, fromGraphQLError } from './errors';

describe('relay failures as ProtocolError', () => {
  it('takes the kind and retry time from extensions', () => {
    const e = fromGraphQLError({
      message: 'slow down',
      extensions: { kind: 'rate_limited', retryAfterMs: 1500 },
    });
    expect(e).toBeInstanceOf(ProtocolError);
    expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1500, message: 'slow down' });
  });

  it('treats an unknown or missing kind as internal', () => {
    expect(fromGraphQLError({ message: 'x', extensions: { kind: 'nonsense' } }).kind).toBe('internal');
    expect(fromGraphQLError('not an object').kind).toBe('internal');
  });

  it('maps the relay close codes, and any other close to unavailable', () => {
    expect(fromCloseEvent({ code: 4401, reason: 'unauthenticated: expired' }).kind).toBe('unauthenticated');
    expect(fromCloseEvent({ code: 4429, reason: '' }).kind).toBe('rate_limited');
    expect(fromCloseEvent({ code: 1009, reason: '' }).kind).toBe('too_large');
    expect(fromCloseEvent({ code: 1006, reason: '' }).kind).toBe('unavailable');
    expect(fromCloseEvent(new Error('ECONNREFUSED')).kind).toBe('unavailable');
  });

  it('prefers the GraphQL error of a combined error over its network error', () => {
    const e = fromCombinedError({
      graphQLErrors: [{ message: 'no', extensions: { kind: 'forbidden' } }],
      networkError: new Error('down'),
    });
    expect(e.kind).toBe('forbidden');
    expect(fromCombinedError({ graphQLErrors: [], networkError: new Error('down') }).kind).toBe(
      'unavailable',
    );
  });
});
