// Assertions on ProtocolError: every rejection test checks the kind, and where the spec says so,
// that the message names the field.
import { expect } from 'vitest';
import { type ErrorKind, ProtocolError } from '../src/errors';

/** Runs `fn`, expects a ProtocolError of `kind`, and returns it for further checks. */
export function expectProtocolError(fn: () => unknown, kind: ErrorKind): ProtocolError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ProtocolError);
  const error = caught as ProtocolError;
  expect(error.kind).toBe(kind);
  return error;
}

/** The ProtocolError kind `fn` throws, `'ok'` when it returns, or the name of any other error. */
export function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof ProtocolError ? e.kind : `not a ProtocolError: ${String(e)}`;
  }
}
