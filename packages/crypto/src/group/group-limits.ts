// Limits of the group layer (docs/protocol.md §6.7). Each one bounds memory or work that a peer,
// or the relay, could otherwise make a device spend.
import { MAX_ENVELOPE_BYTES } from '../envelope/envelope-codec';

/** A scheduled rotation is due once an epoch is this old (7 days). */
export const ROTATION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** A scheduled rotation is due once this many messages were sealed or opened in an epoch. */
export const ROTATION_MAX_MESSAGES = 10_000;

/** Width of the per-(sender device, epoch) replay window, in message indices. */
export const REPLAY_WINDOW_BITS = 1024;

/** Most message keys one incoming message may make a receive chain skip over. */
export const MAX_SKIP = 1000;

/** Most skipped message keys a device keeps for one group, over all senders and held epochs. */
export const MAX_SKIPPED_PER_GROUP = 2000;

/**
 * How long a device keeps the previous epoch (its secret, chains and skipped keys) after it
 * installs a newer one, to read messages that peers sealed before they saw the change (§6.6).
 */
export const PREVIOUS_EPOCH_RETENTION_MS = 60 * 60 * 1000;

/** Most member devices in one epoch. Bounds the wrap fan-out and the member index. */
export const MAX_EPOCH_DEVICES = 10_000;

/**
 * Wrap entries per wrap envelope: as many 96-byte entries as fit beside the envelope's fixed 169
 * bytes (header with its 40-byte kind header, lengths, signature) under MAX_ENVELOPE_BYTES.
 * With the 40 KiB cap that is 424.
 */
export const WRAP_ENTRIES_PER_ENVELOPE = Math.floor((MAX_ENVELOPE_BYTES - 169) / 96);

/** The largest message index: a chain that reaches it must rotate before sending again. */
export const MAX_MESSAGE_INDEX = 0xffffffff;
