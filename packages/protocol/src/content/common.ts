// Fields shared by every inner content (docs/protocol.md §9.1), known type or not.
import { z } from 'zod';
import { MAX_CONTENT_TYPE_CHARS } from '../limits';
import { hexBytes, Id16, Millis } from '../wire-primitives';

/** The content format version of a type. A type whose fields change gets a new `v`. */
export const CONTENT_V = 1;

/**
 * A content type name: lowercase dot-separated words, such as `text` or `trade.proposal`.
 * Names outside this grammar are malformed, not unknown.
 */
export const ContentTypeName = z
  .string()
  .max(MAX_CONTENT_TYPE_CHARS)
  .regex(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)*$/, 'expected a lowercase dotted type name');

/** A type's format version: a positive integer. */
export const ContentVersion = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * The sender's device-log head when it sent the content: the receiver compares it with the head
 * it pinned, and fetches the log when the sender is ahead (a device was linked or revoked).
 */
export const DeviceLogHead = z.strictObject({
  seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  hash: hexBytes(32),
});
export type DeviceLogHead = z.infer<typeof DeviceLogHead>;

/**
 * Names a message. The relay's seq differs per copy of a ratchet message; the sender device and its
 * client id are the same on every device, so reactions, edits and receipts use them.
 */
export const MessageRef = z.strictObject({
  senderDevice: Id16,
  clientId: Id16,
});
export type MessageRef = z.infer<typeof MessageRef>;

/** The fields every content of version 1 carries besides `type` and its own fields. */
export const baseFields = {
  v: z.literal(CONTENT_V),
  /** The sender's clock when it sent the message. Shown, never trusted for ordering. */
  sentAt: Millis,
  deviceLogHead: DeviceLogHead,
  /** In groups: the hash of the group state the sender had. Absent in one-to-one conversations. */
  groupStateHash: hexBytes(32).optional(),
} as const;

/**
 * The envelope of any content, known type or not: its type, version and the base fields. Loose, so
 * a future type's own fields pass through here untouched.
 */
export const ContentHead = z.looseObject({
  type: ContentTypeName,
  v: ContentVersion,
  sentAt: Millis,
  deviceLogHead: DeviceLogHead,
  groupStateHash: hexBytes(32).optional(),
});
