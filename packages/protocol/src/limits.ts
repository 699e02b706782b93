// Every size cap of the wire contract, in one place (docs/protocol.md §9.6). The relay enforces
// them on what it receives; the engine enforces them on what it builds and on what it decrypts.
// Each cap is derived from the one above it, and packages/protocol/test/limits.test.ts checks the
// arithmetic, so lowering one cap cannot silently break another. Changing a value changes the
// schema hash (schema-registry.ts): it is a wire change, bump PROTOCOL_VERSION.

const KiB = 1024;
const MiB = 1024 * KiB;

/** Bytes of base64url text (no padding) that encode `n` bytes. */
export function base64urlLength(n: number): number {
  return Math.ceil((n * 4) / 3);
}

// ── Transport ────────────────────────────────────────────────────────────────────────────────

/**
 * Largest WebSocket message the relay accepts (ws `maxPayload`) and sends. Small enough that a
 * peer cannot make the relay buffer much per socket; large enough for one full batch (below).
 */
export const MAX_FRAME_BYTES = 64 * KiB;

/**
 * Budget for one EnvelopeIn's JSON other than its body text (three ids, key names, punctuation:
 * 163 bytes at most). A full batch is 32 of these plus the bodies.
 */
export const ENVELOPE_IN_FIELDS_BUDGET_BYTES = 192;

/**
 * Budget for one EnvelopeOut's JSON other than its body text (four ids, an address, seq, server
 * time, __typename: about 350 bytes at most). A push carries one envelope.
 */
export const ENVELOPE_OUT_FIELDS_BUDGET_BYTES = 512;

/** Budget for the graphql-ws message around the payload: id, type, query text, variable names. */
export const FRAME_WRAPPER_BUDGET_BYTES = 2 * KiB;

// ── Envelopes ────────────────────────────────────────────────────────────────────────────────

/**
 * Largest envelope body (the binary envelope of packages/crypto, before base64url). 40 KiB is
 * 54,614 base64url characters, which leaves room in a 64 KiB frame for the batch's other fields
 * and the frame wrapper. (48 KiB would not fit: its base64url text alone is 65,536 characters.)
 */
export const MAX_ENVELOPE_BODY_BYTES = 40 * KiB;

/**
 * Envelopes per send. A one-to-one message is fanned out to each of the peer's devices and the
 * sender's other devices (Sesame): at most 10 + 9 = 19 copies with the 10-device cap, so 32 sends
 * any message in one batch when its copies are small.
 */
export const MAX_BATCH_ENVELOPES = 32;

/**
 * Sum of the decoded bodies in one batch. Equal to one envelope's cap, so any valid batch fits one
 * frame whichever transport (HTTP or WebSocket) carries it. Large copies go in several batches.
 */
export const MAX_BATCH_BODY_BYTES = MAX_ENVELOPE_BODY_BYTES;

/** Plaintext is padded to a multiple of this, so the relay learns only a length bucket. */
export const PADDING_BUCKET_BYTES = 256;

/**
 * The most an envelope adds around its padded plaintext (packages/crypto envelope-codec layout):
 * 65 fixed header and length bytes + a kind header of at most 1,024 + a 64-byte signature + a
 * 16-byte Poly1305 tag.
 */
export const ENVELOPE_MAX_OVERHEAD_BYTES = 65 + 1024 + 64 + 16;

// ── Inner content (docs/protocol.md §9) ─────────────────────────────────────────────────────

/**
 * Largest encoded inner content (UTF-8 JSON). Padded to the next bucket and wrapped in the largest
 * envelope header it still fits MAX_ENVELOPE_BODY_BYTES. decodeContent rejects anything larger
 * before it decodes a byte.
 */
export const MAX_CONTENT_BYTES = 38 * KiB;

/**
 * Message text, in Unicode code points (what zod's and JSON Schema's string lengths count; a lone
 * surrogate counts as one). Even if every code point is one that JSON escapes as \uXXXX (6 bytes),
 * the text fits MAX_CONTENT_BYTES.
 */
export const MAX_TEXT_CHARS = 4000;

/** A reaction, in code points: one emoji, possibly a ZWJ sequence of several with modifiers. */
export const MAX_EMOJI_CHARS = 32;

/** Message references in one receipt. More go in several receipts, or use `upToSeq`. */
export const MAX_RECEIPT_REFS = 100;

/** The most nesting any content may have (objects and arrays, the content itself is depth 1). */
export const MAX_CONTENT_DEPTH = 16;

/** The most JSON values (objects, arrays, scalars) in one content, checked before schema parsing. */
export const MAX_CONTENT_NODES = 4096;

/** A content type name on the wire, such as `trade.proposal`. */
export const MAX_CONTENT_TYPE_CHARS = 64;

// ── Attachments ─────────────────────────────────────────────────────────────────────────────

/** Largest sealed blob the relay stores: ciphertext plus its 16-byte tag. */
export const MAX_BLOB_BYTES = 25 * MiB;

/** Largest attachment plaintext: the sealed blob adds a 16-byte Poly1305 tag. */
export const MAX_ATTACHMENT_BYTES = MAX_BLOB_BYTES - 16;

/** A file name as shown and saved, in code points (the common file-system limit). */
export const MAX_FILE_NAME_CHARS = 255;

/** A MIME type `type/subtype`: RFC 6838 allows 127 characters on each side. */
export const MAX_MIME_TYPE_CHARS = 255;

/** Image width or height in pixels, a hint for layout before the blob arrives. */
export const MAX_IMAGE_DIMENSION = 16384;

/** An inline thumbnail (inside the content, so inside the envelope). */
export const MAX_THUMBNAIL_BYTES = 16 * KiB;

// ── Trade proposals (EIP-712 typed data) ────────────────────────────────────────────────────

/** Struct types in one typed-data payload (Seaport's OrderComponents needs 4 plus the domain). */
export const MAX_TYPED_DATA_TYPES = 32;

/** Fields in one struct type, and items in one array value of the message. */
export const MAX_TYPED_DATA_FIELDS = 32;

/** A string value in a typed-data message (a `bytes` value as hex, or a `string`). */
export const MAX_TYPED_DATA_STRING_CHARS = 1024;

/** An identifier in typed data: a type name, a field name, a domain name. */
export const MAX_IDENTIFIER_CHARS = 64;

// ── Accounts ────────────────────────────────────────────────────────────────────────────────

/** Active devices per account (DESIGN §4, device log). The batch size above depends on it. */
export const MAX_ACTIVE_DEVICES = 10;

/** Every cap above, by name. The schema hash covers it, so a changed cap is a versioned change. */
export const LIMITS = {
  MAX_FRAME_BYTES,
  ENVELOPE_IN_FIELDS_BUDGET_BYTES,
  ENVELOPE_OUT_FIELDS_BUDGET_BYTES,
  FRAME_WRAPPER_BUDGET_BYTES,
  MAX_ENVELOPE_BODY_BYTES,
  MAX_BATCH_ENVELOPES,
  MAX_BATCH_BODY_BYTES,
  PADDING_BUCKET_BYTES,
  ENVELOPE_MAX_OVERHEAD_BYTES,
  MAX_CONTENT_BYTES,
  MAX_TEXT_CHARS,
  MAX_EMOJI_CHARS,
  MAX_RECEIPT_REFS,
  MAX_CONTENT_DEPTH,
  MAX_CONTENT_NODES,
  MAX_CONTENT_TYPE_CHARS,
  MAX_BLOB_BYTES,
  MAX_ATTACHMENT_BYTES,
  MAX_FILE_NAME_CHARS,
  MAX_MIME_TYPE_CHARS,
  MAX_IMAGE_DIMENSION,
  MAX_THUMBNAIL_BYTES,
  MAX_TYPED_DATA_TYPES,
  MAX_TYPED_DATA_FIELDS,
  MAX_TYPED_DATA_STRING_CHARS,
  MAX_IDENTIFIER_CHARS,
  MAX_ACTIVE_DEVICES,
} as const;
