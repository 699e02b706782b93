// The signed text of a device-log entry: its exact form, the builder and the strict parser, and
// the property that any change to any character of a signed message is caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendDeviceLogEntry } from '../src/device-log/append';
import { countersignDeviceLogMessage } from '../src/device-log/build';
import {
  DEVICE_LOG_MESSAGE_MAX,
  type DeviceLogBody,
  formatDeviceLogMessage,
  parseDeviceLogMessage,
} from '../src/device-log/message-format';
import { verifyWalletSignature } from '../src/device-log/wallet-signature';
import { isCryptoError } from '../src/errors';
import { bytesToHex } from '../src/primitives/bytes';
import { createSuite } from '../src/primitives/suite';
import { linkEntry, MINUTE, revokeEntry, T0, testDevice, testWallet } from './device-log-helpers';
import { seededRandom } from './seeded-random';

const ACCOUNT = `0x${'ab'.repeat(20)}`;
const LINK: DeviceLogBody = {
  action: 'link',
  account: ACCOUNT,
  seq: 0,
  prev: new Uint8Array(32),
  deviceId: '0123456789abcdef0123456789abcdef',
  signingKey: new Uint8Array(32).fill(0x11),
  agreementKey: new Uint8Array(32).fill(0x22),
  issuedAt: T0,
};
const REVOKE: DeviceLogBody = {
  action: 'revoke',
  account: ACCOUNT,
  seq: 12,
  prev: new Uint8Array(32).fill(0xcd),
  deviceId: '0123456789abcdef0123456789abcdef',
  issuedAt: T0 + 1,
};

// The texts written out in full: docs/protocol/04-device-log.md shows the same.
const LINK_TEXT = `Parley device log
Signing this links a new device that can read and send your Parley messages. Sign only if you are adding your own device.

Version: 1
Action: link device
Account: 0xabababababababababababababababababababab
Sequence: 0
Previous: 0000000000000000000000000000000000000000000000000000000000000000
Device: 0123456789abcdef0123456789abcdef
Signing key: 1111111111111111111111111111111111111111111111111111111111111111
Agreement key: 2222222222222222222222222222222222222222222222222222222222222222
Issued at: 2026-11-22T01:00:00.000Z`;
const REVOKE_TEXT = `Parley device log
Signing this revokes a device: it will no longer receive or send your Parley messages. A revoked device can never be linked again.

Version: 1
Action: revoke device
Account: 0xabababababababababababababababababababab
Sequence: 12
Previous: cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd
Device: 0123456789abcdef0123456789abcdef
Issued at: 2026-11-22T01:00:00.001Z`;

function kindOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return isCryptoError(e) ? e.kind : 'not a CryptoError';
  }
  return 'accepted';
}

describe('device-log message text', () => {
  it('formats exactly the documented text, and parses it back', () => {
    expect(formatDeviceLogMessage(LINK)).toBe(LINK_TEXT);
    expect(formatDeviceLogMessage(REVOKE)).toBe(REVOKE_TEXT);
    expect(parseDeviceLogMessage(LINK_TEXT)).toEqual(LINK);
    expect(parseDeviceLogMessage(REVOKE_TEXT)).toEqual(REVOKE);
  });

  it('round-trips every valid body', () => {
    const hex = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
    const body = fc.record({
      action: fc.constantFrom('link' as const, 'revoke' as const),
      account: hex(20).map((b) => `0x${bytesToHex(b)}`),
      seq: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      prev: hex(32),
      deviceId: hex(16).map(bytesToHex),
      signingKey: hex(32),
      agreementKey: hex(32),
      issuedAt: fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }),
    });
    fc.assert(
      fc.property(body, (b) => {
        const value: DeviceLogBody =
          b.action === 'link'
            ? { ...b, action: 'link' }
            : {
                action: 'revoke',
                account: b.account,
                seq: b.seq,
                prev: b.prev,
                deviceId: b.deviceId,
                issuedAt: b.issuedAt,
              };
        const text = formatDeviceLogMessage(value);
        expect(text.length).toBeLessThanOrEqual(DEVICE_LOG_MESSAGE_MAX);
        expect(parseDeviceLogMessage(text)).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['an empty string', ''],
    ['CRLF line endings', LINK_TEXT.replaceAll('\n', '\r\n')],
    ['a trailing newline', `${LINK_TEXT}\n`],
    ['a leading newline', `\n${LINK_TEXT}`],
    ['a trailing space', `${LINK_TEXT} `],
    ['two spaces after a colon', LINK_TEXT.replace('Sequence: 0', 'Sequence:  0')],
    ['a lowercase field name', LINK_TEXT.replace('Sequence:', 'sequence:')],
    ['a leading zero in the sequence', REVOKE_TEXT.replace('Sequence: 12', 'Sequence: 012')],
    ['a signed sequence', REVOKE_TEXT.replace('Sequence: 12', 'Sequence: +12')],
    ['a sequence beyond 2^53', REVOKE_TEXT.replace('Sequence: 12', 'Sequence: 9007199254740992')],
    ['an uppercase account', LINK_TEXT.replace('0xabab', '0xABab')],
    ['an uppercase 0X', LINK_TEXT.replace('0xabab', '0Xabab')],
    ['uppercase hex in the device id', LINK_TEXT.replace('0123456789abcdef0123', '0123456789ABCDEF0123')],
    ['uppercase hex in a key', LINK_TEXT.replace('Signing key: 1111', 'Signing key: 111A')],
    ['a short previous hash', REVOKE_TEXT.replace('Previous: cd', 'Previous: ')],
    ['a time without milliseconds', LINK_TEXT.replace('01:00:00.000Z', '01:00:00Z')],
    ['a time with an offset', LINK_TEXT.replace('01:00:00.000Z', '01:00:00.000+00:00')],
    ['a date that does not exist', LINK_TEXT.replace('2026-11-22', '2026-02-30')],
    ['an hour that does not exist', LINK_TEXT.replace('T01:00', 'T25:00')],
    [
      'a missing line',
      LINK_TEXT.replace(
        '\nAgreement key: 2222222222222222222222222222222222222222222222222222222222222222',
        '',
      ),
    ],
    ['an extra line', `${LINK_TEXT}\nNote: hi`],
    ['swapped lines', LINK_TEXT.replace(/(Sequence: 0)\n(Previous: 0+)/, '$2\n$1')],
    ['a revoke with key lines', REVOKE_TEXT.replace('Action: revoke device', 'Action: link device')],
    [
      'the link explanation on a revoke',
      REVOKE_TEXT.replace(/^(.*)\n.*\n/, `$1\n${LINK_TEXT.split('\n')[1]}\n`),
    ],
    ['an unknown action', REVOKE_TEXT.replace('revoke device', 'rotate device')],
    ['another title', LINK_TEXT.replace('Parley device log', 'Parley Device Log')],
    ['no blank line', LINK_TEXT.replace('\n\n', '\n')],
    ['a tab', LINK_TEXT.replace('Sequence: 0', 'Sequence:\t0')],
    ['a look-alike Unicode colon', LINK_TEXT.replace('Sequence: 0', 'Sequence\uff1a 0')],
    ['a NUL byte', `${LINK_TEXT}\u0000`],
    ['a message over the cap', `${LINK_TEXT}${'x'.repeat(DEVICE_LOG_MESSAGE_MAX)}`],
  ])('refuses %s with bad_input', (_name, text) => {
    expect(kindOf(() => parseDeviceLogMessage(text))).toBe('bad_input');
  });

  it('refuses an unknown version with unsupported', () => {
    expect(kindOf(() => parseDeviceLogMessage(LINK_TEXT.replace('Version: 1', 'Version: 2')))).toBe(
      'unsupported',
    );
    expect(kindOf(() => parseDeviceLogMessage(LINK_TEXT.replace('Version: 1', 'Version: 01')))).toBe(
      'unsupported',
    );
  });

  it.each([
    ['a checksummed account', { ...LINK, account: `0x${'AB'.repeat(20)}` }],
    ['a short device id', { ...LINK, deviceId: 'abcd' }],
    ['a 31-byte previous hash', { ...LINK, prev: new Uint8Array(31) }],
    ['a 33-byte signing key', { ...LINK, signingKey: new Uint8Array(33) }],
    ['a negative sequence', { ...LINK, seq: -1 }],
    ['a fractional sequence', { ...LINK, seq: 1.5 }],
    ['a negative time', { ...LINK, issuedAt: -1 }],
    ['a time after year 9999', { ...LINK, issuedAt: Date.UTC(10000, 0, 1) }],
  ])('the formatter refuses %s with bad_input', (_name, body) => {
    expect(kindOf(() => formatDeviceLogMessage(body as DeviceLogBody))).toBe('bad_input');
  });
});

describe('tampering with a signed message', async () => {
  const suite = await createSuite({ backend: 'noble' });
  const wallet = testWallet('tamper');
  const address = wallet.address.toLowerCase();
  const random = seededRandom('device-log/tamper');
  const device = await testDevice(suite, random);
  const link = await linkEntry(suite, undefined, wallet, device, T0);
  const state = await appendDeviceLogEntry(suite, undefined, address, link);
  const revoke = await revokeEntry(state, wallet, device.deviceId, T0 + MINUTE);

  // Characters a mutation may write: everything printable, the line break, and some that a
  // careless parser might fold (CR, tab, NUL, non-ASCII look-alikes).
  const chars = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\n', '\r', '\t', '\u0000', '\u00a0', '\uff1a', 'é', '\u0430'),
  );
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), char: chars }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: chars }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), char: fc.constant('') }),
  );

  function mutate(text: string, m: { kind: string; at: number; char: string }): string {
    const at = m.at % (text.length + (m.kind === 'insert' ? 1 : 0));
    if (m.kind === 'insert') return text.slice(0, at) + m.char + text.slice(at);
    if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + 1);
    return text.slice(0, at) + m.char + text.slice(at + 1);
  }

  it.each([
    ['link', link, undefined],
    ['revoke', revoke, state],
  ] as const)(
    'any change to a %s message fails parsing or the wallet signature',
    async (_name, entry, before) => {
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const changed = mutate(entry.message, m);
          fc.pre(changed !== entry.message);
          const parses = kindOf(() => parseDeviceLogMessage(changed)) === 'accepted';
          expect(parses && verifyWalletSignature(changed, entry.walletSignature, address)).toBe(false);
          await expect(
            appendDeviceLogEntry(suite, before, address, { ...entry, message: changed }),
          ).rejects.toThrow();
        }),
        { numRuns: 150 },
      );
    },
  );

  it('a device countersigns only a link of its own key', async () => {
    const other = await testDevice(suite, random);
    await expect(
      countersignDeviceLogMessage(suite, other.signingPrivateKey, link.message),
    ).rejects.toMatchObject({
      kind: 'bad_input',
    });
    await expect(
      countersignDeviceLogMessage(suite, device.signingPrivateKey, revoke.message),
    ).rejects.toMatchObject({
      kind: 'bad_input',
    });
  });
});
