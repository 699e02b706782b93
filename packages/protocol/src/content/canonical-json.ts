// Canonical JSON (docs/protocol.md §9.4): object keys sorted by UTF-16 code units, no white space,
// strings and numbers as ECMAScript's JSON.stringify writes them. For the values Parley sends
// (strings, booleans, null, safe integers) this is RFC 8785 (JCS), so any two encoders that
// follow the rule produce the same bytes for the same content.
import { ProtocolError } from '../errors';

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The canonical JSON text of `value`. Keys whose value is `undefined` are left out (as an absent
 * optional field); anything else JSON cannot spell throws ProtocolError('bad_request').
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new ProtocolError('bad_request', 'canonical JSON: non-finite number');
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new ProtocolError('bad_request', `canonical JSON: a ${typeof value} is not JSON`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => canonicalJson(item)).join(',')}]`;
  }
  if (!isPlainObject(value)) throw new ProtocolError('bad_request', 'canonical JSON: not a plain object');
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
  }
  return `{${parts.join(',')}}`;
}
