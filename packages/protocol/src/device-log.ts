// Wire schemas for device-log entries (docs/protocol.md §4). These check shape and size only:
// what an entry means, and whether its signatures verify, is @parley/crypto's
// appendDeviceLogEntry / verifyDeviceLog, which the relay runs before storing an entry and every
// client runs again after fetching a log.
import { z } from 'zod';

/** Longest message text in characters. The text is printable ASCII, so also in bytes. */
export const DEVICE_LOG_MESSAGE_MAX = 1024;

/**
 * Most entries one page of a log carries; longer logs are fetched page by page. A full entry is
 * at most about 1,400 bytes of JSON (1,024 message + 132 + 128 signature characters + names), so
 * 32 of them (about 45 KiB) fit in one 64 KiB frame with room for the wrapper.
 */
export const DEVICE_LOG_PAGE_MAX = 32;

/** A wallet address on the wire: 0x + 40 lowercase hex. */
const WalletAddress = z.string().regex(/^0x[0-9a-f]{40}$/, 'address must be 0x + 40 lowercase hex');

export const DeviceLogEntryWire = z.strictObject({
  /** The canonical, human-readable text the wallet signed (docs/protocol.md §4.1). */
  message: z
    .string()
    .min(1)
    .max(DEVICE_LOG_MESSAGE_MAX)
    .regex(/^[\x20-\x7e\n]+$/, 'message must be printable ASCII'),
  /** EIP-191 personal_sign signature: r || s || v, 0x + 130 lowercase hex. */
  walletSignature: z.string().regex(/^0x[0-9a-f]{130}$/, 'wallet signature must be 0x + 130 lowercase hex'),
  /** Link entries only: the new device's Ed25519 countersignature, 128 lowercase hex. */
  deviceSignature: z
    .string()
    .regex(/^[0-9a-f]{128}$/, 'device signature must be 128 lowercase hex')
    .optional(),
});
export type DeviceLogEntryWire = z.infer<typeof DeviceLogEntryWire>;

/** A page of an account's log: consecutive entries, in sequence order. */
export const DeviceLogPage = z.strictObject({
  address: WalletAddress,
  entries: z.array(DeviceLogEntryWire).max(DEVICE_LOG_PAGE_MAX),
});
export type DeviceLogPage = z.infer<typeof DeviceLogPage>;

/** A log head as clients pin it and the relay reports it: a sequence number and the entry hash. */
// The head shape is shared with inner content (content/common.ts): one definition.
export { DeviceLogHead } from './content/common';
