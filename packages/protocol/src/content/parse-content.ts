// parseContent: untrusted decrypted JSON -> a known content, or an `unknown` marker for a type or
// version this build does not know (docs/protocol.md §9.4). Check order:
//   1. bounds (depth, value count) and plain-JSON-ness       -> bad_request / too_large
//   2. it is an object with a well-formed `type` and `v`     -> bad_request
//   3. the base fields (sentAt, deviceLogHead, groupStateHash) -> bad_request
//   4. known type and v = 1: the type's strict schema         -> bad_request naming the field
//      unknown type, or known type with v > 1                -> UnknownContent
import type { z } from 'zod';
import { ProtocolError } from '../errors';
import { CONTENT_V, ContentHead, ContentTypeName, ContentVersion, type DeviceLogHead } from './common';
import { CONTENT_SCHEMAS, type Content, isContentType } from './content-schema';
import { checkJsonBounds } from './json-bounds';
import { describeIssues, parseOrThrow } from './schema-error';

/**
 * A content this build cannot show: a newer type, or a newer version of a known type. The UI shows
 * "unsupported message, update Parley" in its place; its base fields still order and verify it.
 */
export interface UnknownContent {
  readonly type: 'unknown';
  /** The type name as sent, such as `poll` (well-formed, at most 64 characters). */
  readonly wireType: string;
  readonly v: number;
  readonly sentAt: number;
  readonly deviceLogHead: DeviceLogHead;
  readonly groupStateHash?: string;
}

export function isUnknownContent(content: Content | UnknownContent): content is UnknownContent {
  return content.type === 'unknown';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkField(schema: z.ZodType, value: unknown, field: string): void {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new ProtocolError('bad_request', describeIssues(`content: ${field}`, result.error.issues));
}

export function parseContent(json: unknown): Content | UnknownContent {
  checkJsonBounds(json);
  if (!isRecord(json)) throw new ProtocolError('bad_request', 'content: expected an object');
  checkField(ContentTypeName, json.type, 'type');
  checkField(ContentVersion, json.v, 'v');
  const head = parseOrThrow(ContentHead, json, 'content');
  if (isContentType(head.type) && head.v === CONTENT_V) {
    return parseOrThrow(CONTENT_SCHEMAS[head.type], json, `content ${head.type}`);
  }
  return {
    type: 'unknown',
    wireType: head.type,
    v: head.v,
    sentAt: head.sentAt,
    deviceLogHead: { seq: head.deviceLogHead.seq, hash: head.deviceLogHead.hash },
    ...(head.groupStateHash === undefined ? {} : { groupStateHash: head.groupStateHash }),
  };
}

/**
 * Checks a content this build is about to send: it must be a known type at v = 1 and match its
 * schema exactly. Returns the parsed copy (a fresh object without any extra prototype).
 */
export function parseKnownContent(json: unknown): Content {
  const content = parseContent(json);
  if (isUnknownContent(content)) {
    throw new ProtocolError(
      'bad_request',
      `content: cannot send unknown type ${content.wireType} v${content.v}`,
    );
  }
  return content;
}
