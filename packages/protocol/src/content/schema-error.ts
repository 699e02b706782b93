// Turns a zod failure into a ProtocolError whose message names the field (docs/protocol.md §9.4).
// The message never repeats the input: it is attacker-controlled and may be someone's plaintext.
// Only the path (field names and array indexes) and zod's own description of the rule appear,
// and an unrecognized key is reported by position, not by name.
import type { z } from 'zod';
import { ProtocolError } from '../errors';

/** At most this many issues are named in one message, so the message stays short. */
const MAX_ISSUES_NAMED = 3;

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : String(part).slice(0, 64)))
    .join('.')
    .replaceAll('.[', '[');
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return `${where}: ${issue.keys.length === 1 ? 'an unrecognized key' : `${issue.keys.length} unrecognized keys`}`;
  }
  return `${where}: ${issue.message}`;
}

/** One line that names the failing fields, prefixed with what was being parsed. */
export function describeIssues(what: string, issues: readonly z.core.$ZodIssue[]): string {
  const named = issues.slice(0, MAX_ISSUES_NAMED).map(issueText);
  const more = issues.length > MAX_ISSUES_NAMED ? ` (+${issues.length - MAX_ISSUES_NAMED} more)` : '';
  return `${what}: ${named.join('; ')}${more}`;
}

/**
 * Parses `input` with `schema`, or throws ProtocolError('bad_request') naming the failing fields.
 * A string or array over its cap is a bad shape too: `too_large` is kept for byte caps checked
 * before parsing (a frame, an encoded content, a base64url text).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ProtocolError('bad_request', describeIssues(what, result.error.issues));
}
