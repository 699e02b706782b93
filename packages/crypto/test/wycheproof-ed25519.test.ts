// Wycheproof Ed25519 verification vectors (C2SP/wycheproof testvectors_v1/ed25519_test.json) on
// both backends: they must give the same answer for every case, and it must be Wycheproof's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../src/primitives/bytes';
import { acceptablePublicKey } from '../src/primitives/ed25519-policy';
import { createSuite } from '../src/primitives/suite';

interface EddsaTest {
  tcId: number;
  comment: string;
  flags: string[];
  msg: string;
  sig: string;
  result: 'valid' | 'invalid' | 'acceptable';
}
interface EddsaGroup {
  publicKey: { pk: string };
  tests: EddsaTest[];
}
interface EddsaFile {
  numberOfTests: number;
  testGroups: EddsaGroup[];
}

const file = JSON.parse(
  readFileSync(new URL('./vectors/wycheproof-ed25519.json', import.meta.url), 'utf8'),
) as EddsaFile;
const cases = file.testGroups.flatMap((g) => g.tests.map((t) => ({ ...t, pk: g.publicKey.pk })));

/**
 * "valid" cases that Parley's policy (primitives/ed25519-policy.ts) deliberately rejects, with
 * the reason. The policy rejects small-order public keys and R; this file has no valid case with
 * either, so the list is empty. A case added here must still be rejected by both backends.
 */
const POLICY_REJECTS: ReadonlyMap<number, string> = new Map();

describe('Wycheproof Ed25519', async () => {
  const web = await createSuite({ backend: 'webcrypto' });
  const noble = await createSuite({ backend: 'noble' });

  it('has every published case', () => {
    expect(cases).toHaveLength(file.numberOfTests);
    expect(new Set(cases.map((c) => c.tcId)).size).toBe(file.numberOfTests);
    const byResult = (r: EddsaTest['result']) => cases.filter((c) => c.result === r).length;
    expect([byResult('valid'), byResult('invalid'), byResult('acceptable')]).toEqual([88, 63, 0]);
  });

  it('the test uses the WebCrypto backend where it says so', () => {
    expect(web.ed25519.backend).toBe('webcrypto');
    expect(noble.ed25519.backend).toBe('noble');
  });

  it.each(cases)('tcId $tcId ($result) $comment', async (c) => {
    const pk = hexToBytes(c.pk);
    const msg = hexToBytes(c.msg);
    const sig = hexToBytes(c.sig);
    const [viaWeb, viaNoble] = await Promise.all([
      web.ed25519.verify(pk, msg, sig),
      noble.ed25519.verify(pk, msg, sig),
    ]);
    expect(viaWeb).toBe(viaNoble);
    if (c.result === 'valid') expect(viaWeb).toBe(!POLICY_REJECTS.has(c.tcId));
    if (c.result === 'invalid') expect(viaWeb).toBe(false);
  });

  it('every public key in the file passes the acceptance policy (so no valid case is a policy reject)', () => {
    for (const g of file.testGroups) expect(acceptablePublicKey(hexToBytes(g.publicKey.pk))).toBe(true);
  });
});
