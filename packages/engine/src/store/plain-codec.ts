// Bytes for plain structured values (objects, arrays, strings, numbers, booleans, null and
// Uint8Arrays), so a structure holding private keys can be sealed whole by the key wrapper.
// Uint8Arrays become {"$b": "<hex>"}; no other object may have a "$b" key. Decoding returns
// `unknown`: callers parse it with their own schema before trusting its shape.
import { bytesToHex, hexToBytes } from '@parley/crypto';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

function toJson(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $b: bytesToHex(value) };
  if (Array.isArray(value)) return value.map(toJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '$b') throw new Error('plain-codec: reserved key');
    if (v !== undefined) out[key] = toJson(v);
  }
  return out;
}

function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first && first[0] === '$b' && typeof first[1] === 'string')
    return hexToBytes(first[1]);
  const out: Record<string, unknown> = {};
  for (const [key, v] of entries) out[key] = fromJson(v);
  return out;
}

export function encodePlain(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(toJson(value)));
}

export function decodePlain(bytes: Uint8Array): unknown {
  return fromJson(JSON.parse(decoder.decode(bytes)));
}
