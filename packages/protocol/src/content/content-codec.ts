// Content bytes (docs/protocol.md §9.4): canonical UTF-8 JSON. This is the plaintext the envelope
// pads and seals; decodeContent receives it after the envelope is opened and unpadded.
import { ProtocolError } from '../errors';
import { MAX_CONTENT_BYTES } from '../limits';
import { canonicalJson } from './canonical-json';
import type { Content } from './content-schema';
import { parseContent, parseKnownContent, type UnknownContent } from './parse-content';

const encoder = new TextEncoder();
// fatal: invalid UTF-8 is an error, never U+FFFD. ignoreBOM: a BOM stays in the text, so
// JSON.parse refuses it and each content has one byte spelling.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Validates `content` (known type, v = 1, exact shape) and encodes it as canonical JSON, so the same
 * content always gives the same bytes. Throws bad_request for a bad shape and too_large over
 * MAX_CONTENT_BYTES.
 */
export function encodeContent(content: Content): Uint8Array {
  const bytes = encoder.encode(canonicalJson(parseKnownContent(content)));
  if (bytes.length > MAX_CONTENT_BYTES) {
    throw new ProtocolError('too_large', `content: ${bytes.length} bytes, over ${MAX_CONTENT_BYTES}`);
  }
  return bytes;
}

/**
 * Decodes received content bytes. Size first (too_large, before any decoding), then strict UTF-8
 * and JSON (bad_request), then parseContent. Non-canonical key order or spacing is accepted: the
 * envelope, not the JSON spelling, is what is authenticated.
 */
export function decodeContent(bytes: Uint8Array): Content | UnknownContent {
  if (!(bytes instanceof Uint8Array)) throw new ProtocolError('bad_request', 'content: expected bytes');
  if (bytes.length > MAX_CONTENT_BYTES) {
    throw new ProtocolError('too_large', `content: ${bytes.length} bytes, over ${MAX_CONTENT_BYTES}`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new ProtocolError('bad_request', 'content: invalid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProtocolError('bad_request', 'content: invalid JSON');
  }
  return parseContent(json);
}
