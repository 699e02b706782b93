// A file sent as a sealed blob (docs/protocol.md §9.2.7). The blob is the file sealed with
// XChaCha20-Poly1305 under a fresh per-file key and nonce, which travel only here, inside the
// encrypted content. The relay stores the blob under its id and never sees the key.
import { z } from 'zod';
import { isCanonicalBase64url } from '../envelope-wire';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_FILE_NAME_CHARS,
  MAX_IMAGE_DIMENSION,
  MAX_MIME_TYPE_CHARS,
  MAX_THUMBNAIL_BYTES,
} from '../limits';
import { base64urlBytes, hexBytes } from '../wire-primitives';
import { baseFields } from './common';

/**
 * `type/subtype` in lowercase, RFC 6838 restricted names, without parameters. The receiver treats
 * it as a hint: it never executes or renders active content because of it.
 */
export const MimeType = z
  .string()
  .max(MAX_MIME_TYPE_CHARS)
  .regex(
    /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/,
    'expected a lowercase type/subtype',
  );

/**
 * A file name, not a path: no slash or backslash, no control characters, not `.` or `..`, so
 * saving it cannot leave the folder the user picked.
 */
export const FileName = z
  .string()
  .min(1)
  .max(MAX_FILE_NAME_CHARS)
  .regex(/^(?!\.{1,2}$)[^\p{Cc}/\\]+$/u, 'expected a file name without slashes or control characters');

const Dimension = z.number().int().positive().max(MAX_IMAGE_DIMENSION);

/** A small preview shown before the blob is fetched; it is inside the content, so it is sealed. */
export const Thumbnail = z.strictObject({
  mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  data: base64urlBytes(MAX_THUMBNAIL_BYTES)
    .min(2, 'expected a non-empty thumbnail')
    .refine(isCanonicalBase64url, 'expected canonical base64url'),
});

export const AttachmentContent = z.strictObject({
  type: z.literal('attachment'),
  ...baseFields,
  /** SHA-256 of the sealed blob: the relay checks it on upload, the receiver on download. */
  blobId: hexBytes(32),
  /** The file's size before sealing; the blob is 16 bytes longer (the tag). */
  size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
  mimeType: MimeType,
  fileName: FileName,
  /** The per-file XChaCha20-Poly1305 key, used for this blob only. */
  key: hexBytes(32),
  /** The 24-byte XChaCha20 nonce the blob was sealed with. */
  nonce: hexBytes(24),
  width: Dimension.optional(),
  height: Dimension.optional(),
  thumbnail: Thumbnail.optional(),
});
export type AttachmentContent = z.infer<typeof AttachmentContent>;
