import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GROUP_CONTROL_ACTIONS,
  type GroupControlBody,
  groupControlBytes,
  groupControlJson,
  groupControlSigningInput,
  groupGenesisHashInput,
  groupStateHashInput,
  parseGroupControl,
} from './group-control';

const hex = (b: number, n: number) => b.toString(16).padStart(2, '0').repeat(n);
const body = (over: Partial<GroupControlBody> = {}): GroupControlBody => ({
  conversationId: hex(1, 16),
  action: 'add',
  targets: [`0x${hex(0xaa, 20)}`, `0x${hex(0xbb, 20)}`],
  prevStateHash: hex(2, 32),
  signerAddress: `0x${hex(3, 20)}`,
  signerDevice: hex(4, 16),
  issuedAt: 1_800_000_000_123,
  ...over,
});
const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const utf8Hex = (s: string) => toHex(new TextEncoder().encode(s));
const sha256Hex = async (b: Uint8Array) =>
  toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(b))));

describe('group control canonical bytes', () => {
  it('lays out the fields exactly as documented', () => {
    const bytes = groupControlBytes(body());
    expect(toHex(bytes)).toBe(
      `0100${hex(1, 16)}${hex(2, 32)}${hex(3, 20)}${hex(4, 16)}${(1_800_000_000_123).toString(16).padStart(16, '0')}02${hex(0xaa, 20)}${hex(0xbb, 20)}`,
    );
    expect(bytes.length).toBe(2 + 16 + 32 + 20 + 16 + 8 + 1 + 40);
  });

  it('prefixes the signing input and state-hash input with their labels', async () => {
    const b = body();
    const control = toHex(groupControlBytes(b));
    expect(toHex(groupControlSigningInput(b))).toBe(`${utf8Hex('parley/v1/group-control/sign')}${control}`);
    expect(toHex(groupStateHashInput(b))).toBe(
      `${utf8Hex('parley/v1/group-control/state')}${hex(2, 32)}${control}`,
    );
    expect(toHex(groupGenesisHashInput(hex(1, 16), `0x${hex(3, 20)}`))).toBe(
      `${utf8Hex('parley/v1/group-control/genesis')}${hex(1, 16)}${hex(3, 20)}`,
    );
    // Frozen hashes of this example, so a layout change is always deliberate.
    expect(await sha256Hex(groupStateHashInput(b))).toBe(
      'c18dc13a1e01c692d5f5b21567292c15d35c3b1541af55f69fecc93ec702096f',
    );
    expect(await sha256Hex(groupGenesisHashInput(hex(1, 16), `0x${hex(3, 20)}`))).toBe(
      '5d68e059681ffa23b6b5e9c237933abf6f4c91575b6b7104337b113de07d36fd',
    );
  });

  it('gives different bytes for any change of a field (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...GROUP_CONTROL_ACTIONS.filter((a) => a !== 'rotate')),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (action, issuedAt) => {
          const a = groupControlBytes(body({ action, issuedAt }));
          const b = groupControlBytes(body({ action, issuedAt: issuedAt + 1 }));
          expect(toHex(a)).not.toBe(toHex(b));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses unsorted or duplicate targets, targets on rotate, and none on add', () => {
    const t = [`0x${hex(0xbb, 20)}`, `0x${hex(0xaa, 20)}`];
    expect(() => groupControlBytes(body({ targets: t }))).toThrow(/ascending/);
    expect(() => groupControlBytes(body({ targets: [`0x${hex(0xaa, 20)}`, `0x${hex(0xaa, 20)}`] }))).toThrow(
      /ascending/,
    );
    expect(() => groupControlBytes(body({ action: 'rotate' }))).toThrow(/rotate/);
    expect(() => groupControlBytes(body({ targets: [] }))).toThrow(/at least one/);
    expect(groupControlBytes(body({ action: 'rotate', targets: [] })).length).toBe(95);
  });

  it('parses a wire control and renders canonical JSON in schema order', () => {
    const wire = { ...body(), signature: hex(9, 64) };
    const parsed = parseGroupControl(wire);
    expect(Object.keys(JSON.parse(groupControlJson(parsed)))).toEqual([
      'conversationId',
      'action',
      'targets',
      'prevStateHash',
      'signerAddress',
      'signerDevice',
      'issuedAt',
      'signature',
    ]);
    expect(() => parseGroupControl({ ...wire, extra: 1 })).toThrow();
    expect(() => parseGroupControl({ ...wire, signature: 'ab' })).toThrow();
    expect(() => parseGroupControl({ ...wire, targets: [...wire.targets].reverse() })).toThrow(/ascending/);
  });
});
