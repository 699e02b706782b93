import { describe, expect, it } from 'vitest';
import {
  DEVICE_LOG_MESSAGE_MAX,
  DEVICE_LOG_PAGE_MAX,
  DeviceLogEntryWire,
  DeviceLogHead,
  DeviceLogPage,
} from './device-log';

const message = [
  'Parley device log',
  'Signing this revokes a device: it will no longer receive or send your Parley messages. A revoked device can never be linked again.',
  '',
  'Version: 1',
  'Action: revoke device',
  `Account: 0x${'ab'.repeat(20)}`,
  'Sequence: 3',
  `Previous: ${'cd'.repeat(32)}`,
  `Device: ${'01'.repeat(16)}`,
  'Issued at: 2026-11-22T01:00:00.000Z',
].join('\n');
const walletSignature = `0x${'11'.repeat(64)}1b`;
const deviceSignature = '22'.repeat(64);
const revoke = { message, walletSignature };
const link = { message, walletSignature, deviceSignature };

function issues(result: {
  success: boolean;
  error?: { issues: readonly { path: readonly PropertyKey[] }[] };
}) {
  // One entry per failing field, however many of its rules failed.
  return [...new Set(result.error?.issues.map((i) => i.path.join('.')) ?? [])];
}

describe('DeviceLogEntryWire', () => {
  it('accepts an entry with and without a device signature, unchanged', () => {
    expect(DeviceLogEntryWire.parse(revoke)).toEqual(revoke);
    expect(DeviceLogEntryWire.parse(link)).toEqual(link);
    expect('deviceSignature' in DeviceLogEntryWire.parse(revoke)).toBe(false);
  });

  it('accepts a message of exactly the maximum size and refuses one byte more', () => {
    const max = 'a'.repeat(DEVICE_LOG_MESSAGE_MAX);
    expect(DeviceLogEntryWire.safeParse({ ...revoke, message: max }).success).toBe(true);
    expect(issues(DeviceLogEntryWire.safeParse({ ...revoke, message: `${max}a` }))).toEqual(['message']);
  });

  it.each([
    ['empty message', { ...revoke, message: '' }, 'message'],
    ['CR in message', { ...revoke, message: message.replace('\n', '\r\n') }, 'message'],
    ['non-ASCII message', { ...revoke, message: `${message}é` }, 'message'],
    ['tab in message', { ...revoke, message: `${message}\t` }, 'message'],
    [
      'uppercase wallet signature',
      { ...revoke, walletSignature: walletSignature.toUpperCase().replace('0X', '0x') },
      'walletSignature',
    ],
    [
      'wallet signature without 0x',
      { ...revoke, walletSignature: walletSignature.slice(2) },
      'walletSignature',
    ],
    [
      '64-byte wallet signature',
      { ...revoke, walletSignature: walletSignature.slice(0, -2) },
      'walletSignature',
    ],
    ['short device signature', { ...link, deviceSignature: deviceSignature.slice(2) }, 'deviceSignature'],
    ['0x device signature', { ...link, deviceSignature: `0x${deviceSignature.slice(2)}` }, 'deviceSignature'],
    ['numeric message', { ...revoke, message: 5 }, 'message'],
    ['null device signature', { ...link, deviceSignature: null }, 'deviceSignature'],
  ])('refuses %s', (_name, value, path) => {
    expect(issues(DeviceLogEntryWire.safeParse(value))).toEqual([path]);
  });

  it('refuses unknown properties and missing fields', () => {
    expect(DeviceLogEntryWire.safeParse({ ...link, extra: 1 }).success).toBe(false);
    expect(issues(DeviceLogEntryWire.safeParse({ message }))).toEqual(['walletSignature']);
    expect(DeviceLogEntryWire.safeParse(null).success).toBe(false);
  });
});

describe('DeviceLogPage', () => {
  const address = `0x${'ab'.repeat(20)}`;

  it('accepts an empty page and a full page', () => {
    expect(DeviceLogPage.parse({ address, entries: [] })).toEqual({ address, entries: [] });
    const full = { address, entries: Array.from({ length: DEVICE_LOG_PAGE_MAX }, () => link) };
    expect(DeviceLogPage.parse(full).entries).toHaveLength(DEVICE_LOG_PAGE_MAX);
  });

  it('refuses one entry over the cap', () => {
    const over = { address, entries: Array.from({ length: DEVICE_LOG_PAGE_MAX + 1 }, () => link) };
    expect(issues(DeviceLogPage.safeParse(over))).toEqual(['entries']);
  });

  it('a full page of maximal entries fits a 64 KiB frame', () => {
    const big = {
      message: 'a'.repeat(DEVICE_LOG_MESSAGE_MAX),
      walletSignature,
      deviceSignature,
    };
    const page = DeviceLogPage.parse({
      address,
      entries: Array.from({ length: DEVICE_LOG_PAGE_MAX }, () => big),
    });
    expect(JSON.stringify(page).length).toBeLessThan(64 * 1024 - 2 * 1024);
  });

  it.each([
    ['checksummed address', { address: `0x${'AB'.repeat(20)}`, entries: [] }, 'address'],
    ['short address', { address: '0x1234', entries: [] }, 'address'],
    [
      'bad entry',
      { address, entries: [link, { ...link, walletSignature: '0x' }] },
      'entries.1.walletSignature',
    ],
  ])('refuses a page with a %s', (_name, value, path) => {
    expect(issues(DeviceLogPage.safeParse(value))).toEqual([path]);
  });
});

describe('DeviceLogHead', () => {
  it('accepts a head and refuses a negative, fractional or malformed one', () => {
    const head = { seq: 4, hash: 'ef'.repeat(32) };
    expect(DeviceLogHead.parse(head)).toEqual(head);
    expect(issues(DeviceLogHead.safeParse({ ...head, seq: -1 }))).toEqual(['seq']);
    expect(issues(DeviceLogHead.safeParse({ ...head, seq: 1.5 }))).toEqual(['seq']);
    expect(issues(DeviceLogHead.safeParse({ ...head, hash: 'EF'.repeat(32) }))).toEqual(['hash']);
  });
});
