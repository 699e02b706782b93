// A walk over untrusted JSON before any schema sees it (docs/protocol.md §9.4): it bounds depth and
// the number of values, so a recursive schema never recurses deep and a cyclic in-memory object
// cannot loop. It also refuses anything JSON.parse could not have produced, and `__proto__` keys.
import { ProtocolError } from '../errors';
import { MAX_CONTENT_DEPTH, MAX_CONTENT_NODES } from '../limits';

export interface JsonBounds {
  readonly maxDepth: number;
  readonly maxNodes: number;
}

export const CONTENT_BOUNDS: JsonBounds = { maxDepth: MAX_CONTENT_DEPTH, maxNodes: MAX_CONTENT_NODES };

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Throws ProtocolError when `value` is not plain JSON data within `bounds`: bad_request for a
 * depth over the cap, a value JSON has no spelling for, or a `__proto__` key; too_large for too
 * many values.
 */
export function checkJsonBounds(value: unknown, bounds: JsonBounds = CONTENT_BOUNDS): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  let nodes = 0;
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    nodes++;
    if (nodes > bounds.maxNodes)
      throw new ProtocolError('too_large', `content: over ${bounds.maxNodes} values`);
    const v = item.value;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new ProtocolError('bad_request', 'content: a number that is not finite');
      continue;
    }
    if (typeof v !== 'object') throw new ProtocolError('bad_request', `content: a ${typeof v} is not JSON`);
    if (item.depth > bounds.maxDepth) {
      throw new ProtocolError('bad_request', `content: nested deeper than ${bounds.maxDepth}`);
    }
    if (!Array.isArray(v) && !isPlainObject(v)) fail('content: an object that is not plain JSON');
    // zod drops a `__proto__` key silently (assigning it would replace a prototype), so a parsed
    // value would differ from the bytes received. Refuse it anywhere instead.
    if (!Array.isArray(v) && Object.hasOwn(v, '__proto__')) fail('content: a __proto__ key');
    const children: readonly unknown[] = Array.isArray(v) ? v : Object.values(v);
    // Every value on the stack will be counted, so refuse before pushing past the cap.
    if (nodes + stack.length + children.length > bounds.maxNodes) {
      throw new ProtocolError('too_large', `content: over ${bounds.maxNodes} values`);
    }
    for (const child of children) stack.push({ value: child, depth: item.depth + 1 });
  }
}

function fail(message: string): never {
  throw new ProtocolError('bad_request', message);
}
