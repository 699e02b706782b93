import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildProtocolDoc } from '../../../scripts/build-protocol-doc.mjs';

describe('docs/protocol.md', () => {
  it('is built from its parts (run node scripts/build-protocol-doc.mjs after editing one)', () => {
    const onDisk = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(buildProtocolDoc());
  });
});
