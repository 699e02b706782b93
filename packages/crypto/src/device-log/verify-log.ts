// Verifying a whole device log from its first entry, as every client does for every account it
// talks to, and checking it against the head the client pinned last time (docs/protocol.md §4.5).
// Built on appendDeviceLogEntry: one code path accepts entries.
import { CryptoError } from '../errors';
import { equalBytes } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { type AppendOptions, appendDeviceLogEntry } from './append';
import type { DeviceLogEntry } from './entry';
import type { DeviceLogState } from './state';

export interface PinnedHead {
  /** Sequence number of the entry the client saw last. */
  readonly seq: number;
  /** Its hash (deviceLogEntryHash), 32 bytes. */
  readonly hash: Uint8Array;
}

export interface VerifyLogOptions extends AppendOptions {
  /** The head this client pinned last time: the log must still contain exactly this entry. */
  readonly pinnedHead?: PinnedHead | undefined;
}

/**
 * Verifies every entry of `address`'s log, from sequence 0, and returns the final state.
 * Throws CryptoError with `index` = the position of the first bad entry (see
 * appendDeviceLogEntry for the kinds). With `pinnedHead`, a log that does not contain that exact
 * (seq, hash), because the relay rewrote, forked or truncated it, throws broken_chain with the
 * index of the pinned position. An empty log throws bad_input (broken_chain if a head was pinned).
 */
export async function verifyDeviceLog(
  suite: CryptoSuite,
  address: string,
  entries: readonly DeviceLogEntry[],
  options: VerifyLogOptions = {},
): Promise<DeviceLogState> {
  const pinned = options.pinnedHead;
  if (pinned !== undefined) {
    if (!Number.isSafeInteger(pinned.seq) || pinned.seq < 0) {
      throw new CryptoError('bad_input', 'pinned head sequence out of range');
    }
    if (!(pinned.hash instanceof Uint8Array) || pinned.hash.length !== 32) {
      throw new CryptoError('bad_input', 'pinned head hash must be 32 bytes');
    }
  }
  if (!Array.isArray(entries)) throw new CryptoError('bad_input', 'entries must be an array');
  let state: DeviceLogState | undefined;
  for (const [i, entry] of entries.entries()) {
    state = await appendDeviceLogEntry(suite, state, address, entry, { now: options.now });
    if (pinned && i === pinned.seq && !equalBytes(state.head, pinned.hash)) {
      throw new CryptoError('broken_chain', 'log differs from the pinned head', { index: i });
    }
  }
  if (pinned && (state === undefined || state.seq < pinned.seq)) {
    throw new CryptoError('broken_chain', 'log is shorter than the pinned head', { index: entries.length });
  }
  if (state === undefined) throw new CryptoError('bad_input', 'device log is empty', { index: 0 });
  return state;
}
