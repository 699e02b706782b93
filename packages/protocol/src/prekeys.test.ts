import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors';
import {
  joinSignedPrekey,
  MAX_ONE_TIME_PREKEYS,
  PrekeyBundleWire,
  PublishPrekeys,
  prekeyIdFromHex,
  prekeyIdHex,
  splitSignedPrekey,
} from './prekeys';

const pub = (b: string) => b.repeat(32);
const signedPrekey = `00000007${pub('aa')}${'bb'.repeat(64)}`;
const otk = (i: number) => ({ keyId: prekeyIdHex(i), publicKey: pub('cc') });
const paths = (r: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[] }[] } }) => [
  ...new Set(r.error?.issues.map((i) => i.path.join('.')) ?? []),
];

describe('PublishPrekeys', () => {
  it('accepts a signed prekey, one-time prekeys, or both, unchanged', () => {
    const both = { signedPrekey, oneTimePrekeys: [otk(1), otk(2)] };
    expect(PublishPrekeys.parse(both)).toEqual(both);
    expect(PublishPrekeys.parse({ signedPrekey, oneTimePrekeys: [] }).signedPrekey).toBe(signedPrekey);
    expect(
      PublishPrekeys.parse({ signedPrekey: null, oneTimePrekeys: [otk(1)] }).oneTimePrekeys,
    ).toHaveLength(1);
    const full = { oneTimePrekeys: Array.from({ length: MAX_ONE_TIME_PREKEYS }, (_, i) => otk(i)) };
    expect(PublishPrekeys.parse(full).oneTimePrekeys).toHaveLength(100);
  });

  it('refuses more than 100 keys, duplicates, empty publishes and malformed fields', () => {
    const many = { oneTimePrekeys: Array.from({ length: MAX_ONE_TIME_PREKEYS + 1 }, (_, i) => otk(i)) };
    expect(paths(PublishPrekeys.safeParse(many))).toEqual(['oneTimePrekeys']);
    expect(paths(PublishPrekeys.safeParse({ oneTimePrekeys: [otk(3), otk(3)] }))).toEqual(['oneTimePrekeys']);
    expect(PublishPrekeys.safeParse({ oneTimePrekeys: [] }).success).toBe(false);
    expect(
      paths(PublishPrekeys.safeParse({ signedPrekey: signedPrekey.toUpperCase(), oneTimePrekeys: [] })),
    ).toEqual(['signedPrekey']);
    expect(
      paths(
        PublishPrekeys.safeParse({ signedPrekey: `ffffffff${signedPrekey.slice(8)}`, oneTimePrekeys: [] }),
      ),
    ).toEqual(['signedPrekey']);
    const badKey = {
      oneTimePrekeys: [
        { keyId: 'ffffffff', publicKey: pub('cc') },
        { ...otk(1), publicKey: 'cc' },
      ],
    };
    expect(paths(PublishPrekeys.safeParse(badKey))).toEqual([
      'oneTimePrekeys.0.keyId',
      'oneTimePrekeys.1.publicKey',
    ]);
    expect(paths(PublishPrekeys.safeParse({ oneTimePrekeys: [{ ...otk(1), extra: 1 }] }))).toEqual([
      'oneTimePrekeys.0',
    ]);
  });
});

describe('PrekeyBundleWire', () => {
  const bundle = {
    address: `0x${'ab'.repeat(20)}`,
    deviceId: '01'.repeat(16),
    signedPrekey,
    oneTimePrekey: otk(9),
  };

  it('accepts a bundle with or without a one-time prekey', () => {
    expect(PrekeyBundleWire.parse(bundle)).toEqual(bundle);
    expect(PrekeyBundleWire.parse({ ...bundle, oneTimePrekey: null }).oneTimePrekey).toBeNull();
  });

  it('refuses a bundle with a malformed address, device id or signed prekey', () => {
    const bad = {
      ...bundle,
      address: `0x${'AB'.repeat(20)}`,
      deviceId: '01',
      signedPrekey: signedPrekey.slice(2),
    };
    expect(paths(PrekeyBundleWire.safeParse(bad))).toEqual(['address', 'deviceId', 'signedPrekey']);
    expect(PrekeyBundleWire.safeParse({ ...bundle, identityKey: pub('dd') }).success).toBe(false);
  });
});

describe('signed prekey text', () => {
  it('splits and joins id || public key || signature', () => {
    const parts = splitSignedPrekey(signedPrekey);
    expect(parts).toEqual({ id: 7, publicKey: pub('aa'), signature: 'bb'.repeat(64) });
    expect(joinSignedPrekey(parts)).toBe(signedPrekey);
    expect(() => joinSignedPrekey({ ...parts, signature: 'bb' })).toThrow(ProtocolError);
  });

  it('maps u32 ids to 8 hex and back, refusing the reserved id', () => {
    expect(prekeyIdHex(0xfffffffe)).toBe('fffffffe');
    expect(prekeyIdFromHex('0000002a')).toBe(42);
    for (const id of [0xffffffff, -1, 1.5, 2 ** 32]) expect(() => prekeyIdHex(id)).toThrow(ProtocolError);
    expect(() => prekeyIdFromHex('ffffffff')).toThrow(ProtocolError);
  });
});
