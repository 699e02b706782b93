// parley-verify: main() on a real file (tests may use node:fs), and the bin script in a child
// process, as `npx parley-verify file.json` runs it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main';
import { exportNegotiation } from '../src/export/export-document';
import { HOUR, NOW, proposalOf, story } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'parley-verify-'));
const file = join(dir, 'negotiation.json');
let orderHash = '';

beforeAll(async () => {
  const s = await story();
  orderHash = proposalOf(s.counter).orderHash;
  writeFileSync(
    file,
    exportNegotiation([s.offer, s.counter, s.accept], {
      rootHash: proposalOf(s.offer).hash,
      exportedAt: NOW + 3 * HOUR,
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function captured() {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  return out;
}

describe('parley-verify main()', () => {
  it('prints VALID with the state and the order hash, and returns 0', async () => {
    const out = captured();
    expect(await main([file])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^VALID: every signature verifies/);
    expect(text).toContain(': accepted');
    expect(text).toContain(`Seaport order hash ${orderHash}`);
    expect(text).toContain('note: "gm, 1 WETH for your ape?"');
  });

  it('returns 1 after one byte of the file is changed', async () => {
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"startAmount":"1') + '"startAmount":"'.length;
    bytes[at] = '2'.charCodeAt(0);
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, bytes);
    const out = captured();
    expect(await main([changed])).toBe(1);
    expect(out.join('\n')).toMatch(/^INVALID: checksum_mismatch/);
  });

  it('returns 1 for a missing file, a file that is not UTF-8, and no argument', async () => {
    const out = captured();
    expect(await main([join(dir, 'missing.json')])).toBe(1);
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0xe9, 0x7d]));
    expect(await main([latin1])).toBe(1);
    expect(await main([])).toBe(1);
    expect(out).toEqual([
      'INVALID: cannot read the file (ENOENT)',
      'INVALID: not UTF-8 text',
      'usage: parley-verify <negotiation.json>',
    ]);
  });
});

describe('bin/parley-verify.mjs', () => {
  it('exits 0 on the export', async () => {
    const bin = fileURLToPath(new URL('../bin/parley-verify.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, file]);
    expect(stdout).toContain(`Seaport order hash ${orderHash}`);
  });
});
