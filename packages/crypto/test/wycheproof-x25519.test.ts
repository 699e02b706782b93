// Wycheproof X25519 vectors (C2SP/wycheproof testvectors_v1/x25519_test.json) on both backends.
// Valid cases give the published shared secret. Cases whose shared secret is all zero (small-order
// public keys) must throw CryptoError('bad_key') on both. "acceptable" cases (twist points,
// non-canonical encodings) must give the same answer on both backends.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CryptoError } from '../src/errors';
import { bytesToHex, hexToBytes } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';
import type { X25519 } from '../src/primitives/x25519';

interface XdhTest {
  tcId: number;
  comment: string;
  flags: string[];
  public: string;
  private: string;
  shared: string;
  result: 'valid' | 'invalid' | 'acceptable';
}
interface XdhFile {
  numberOfTests: number;
  testGroups: { curve: string; tests: XdhTest[] }[];
}

const file = JSON.parse(
  readFileSync(new URL('./vectors/wycheproof-x25519.json', import.meta.url), 'utf8'),
) as XdhFile;
const cases = file.testGroups.flatMap((g) => g.tests);
const ZERO = '00'.repeat(32);

type Outcome = { shared: string } | { error: string };

async function outcome(x: X25519, c: XdhTest): Promise<Outcome> {
  try {
    return { shared: bytesToHex(await x.sharedSecret(hexToBytes(c.private), hexToBytes(c.public))) };
  } catch (e) {
    return { error: e instanceof CryptoError ? e.kind : String(e) };
  }
}

describe('Wycheproof X25519', async () => {
  const web = await createSuite({ backend: 'webcrypto' });
  const noble = await createSuite({ backend: 'noble' });

  it('has every published case', () => {
    expect(cases).toHaveLength(file.numberOfTests);
    expect(new Set(cases.map((c) => c.tcId)).size).toBe(file.numberOfTests);
    const count = (f: (c: XdhTest) => boolean) => cases.filter(f).length;
    expect(count((c) => c.result === 'valid')).toBe(264);
    expect(count((c) => c.result === 'acceptable')).toBe(254);
    expect(count((c) => c.shared === ZERO)).toBe(31);
  });

  it('the test uses the WebCrypto backend where it says so', () => {
    expect(web.x25519.backend).toBe('webcrypto');
    expect(noble.x25519.backend).toBe('noble');
  });

  it.each(cases)('tcId $tcId ($result) $comment', async (c) => {
    const [viaWeb, viaNoble] = await Promise.all([outcome(web.x25519, c), outcome(noble.x25519, c)]);
    expect(viaWeb).toEqual(viaNoble);
    if (c.shared === ZERO) expect(viaWeb).toEqual({ error: 'bad_key' });
    else if (c.result === 'valid') expect(viaWeb).toEqual({ shared: c.shared });
    // "acceptable" with a non-zero secret: agreement is the requirement (checked above).
  });
});
