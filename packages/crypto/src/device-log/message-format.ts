// The human-readable text of a device-log entry: the exact bytes the wallet shows and signs with
// EIP-191 personal_sign (docs/protocol.md §4.1). The text is canonical: for every accepted text,
// formatDeviceLogMessage(parseDeviceLogMessage(text)) === text, byte for byte. The parser checks
// every line against its exact pattern and then re-formats and compares, so no second spelling of
// the same entry (case, spaces, line endings, leading zeros, another date form) can ever verify.
import { CryptoError } from '../errors';
import { assertLength, bytesToHex, hexToBytes } from '../primitives/bytes';

/** The only format version this build writes and reads (the `Version:` line). */
export const DEVICE_LOG_VERSION = 1;

/** Longest accepted message text, in bytes (the text is ASCII, so also in characters). */
export const DEVICE_LOG_MESSAGE_MAX = 1024;

export const DEVICE_LOG_TITLE = 'Parley device log';

/** The plain-language line that tells the person what signing does (second line of the text). */
export const LINK_EXPLANATION =
  'Signing this links a new device that can read and send your Parley messages. Sign only if you are adding your own device.';
export const REVOKE_EXPLANATION =
  'Signing this revokes a device: it will no longer receive or send your Parley messages. A revoked device can never be linked again.';

export interface LinkDeviceBody {
  readonly action: 'link';
  /** Lowercase 0x-hex wallet address (20 bytes). */
  readonly account: string;
  readonly seq: number;
  /** Hash of the previous entry; 32 zero bytes for seq 0. */
  readonly prev: Uint8Array;
  /** 16-byte device id as 32 lowercase hex characters. */
  readonly deviceId: string;
  /** The device's Ed25519 public key (32 bytes). */
  readonly signingKey: Uint8Array;
  /** The device's X25519 public key (32 bytes). */
  readonly agreementKey: Uint8Array;
  /** Milliseconds since the Unix epoch (rendered as ISO 8601 with milliseconds, UTC). */
  readonly issuedAt: number;
}

export interface RevokeDeviceBody {
  readonly action: 'revoke';
  readonly account: string;
  readonly seq: number;
  readonly prev: Uint8Array;
  readonly deviceId: string;
  readonly issuedAt: number;
}

export type DeviceLogBody = LinkDeviceBody | RevokeDeviceBody;

const ADDRESS = /^0x[0-9a-f]{40}$/;
const DEVICE_ID = /^[0-9a-f]{32}$/;
const HEX32 = /^[0-9a-f]{64}$/;
const SEQ = /^(0|[1-9][0-9]{0,15})$/;
// Exactly what Date.prototype.toISOString prints for years 0000-9999.
const ISO = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/;
const LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function bad(message: string): CryptoError {
  return new CryptoError('bad_input', message);
}

/** Throws bad_input unless `address` is a lowercase 0x-hex wallet address. */
export function assertAccount(address: string): void {
  if (typeof address !== 'string' || !ADDRESS.test(address)) throw bad('account must be lowercase 0x-hex');
}

/** Throws bad_input unless `deviceId` is 32 lowercase hex characters. */
export function assertDeviceId(deviceId: string): void {
  if (typeof deviceId !== 'string' || !DEVICE_ID.test(deviceId))
    throw bad('device id must be 32 lowercase hex');
}

function formatTime(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > LATEST_TIME) throw bad('issued-at out of range');
  return new Date(ms).toISOString();
}

function assertSeq(seq: number): void {
  if (!Number.isSafeInteger(seq) || seq < 0) throw bad('sequence out of range');
}

/** The canonical message text for an entry body. Validates every field; throws bad_input. */
export function formatDeviceLogMessage(body: DeviceLogBody): string {
  assertAccount(body.account);
  assertSeq(body.seq);
  assertLength(body.prev, 32, 'previous hash');
  assertDeviceId(body.deviceId);
  const head = [DEVICE_LOG_TITLE];
  const fields = [`Version: ${DEVICE_LOG_VERSION}`];
  if (body.action === 'link') {
    assertLength(body.signingKey, 32, 'signing key');
    assertLength(body.agreementKey, 32, 'agreement key');
    head.push(LINK_EXPLANATION);
    fields.push('Action: link device');
  } else if (body.action === 'revoke') {
    head.push(REVOKE_EXPLANATION);
    fields.push('Action: revoke device');
  } else {
    throw bad('unknown action');
  }
  fields.push(`Account: ${body.account}`, `Sequence: ${body.seq}`, `Previous: ${bytesToHex(body.prev)}`);
  fields.push(`Device: ${body.deviceId}`);
  if (body.action === 'link') {
    fields.push(
      `Signing key: ${bytesToHex(body.signingKey)}`,
      `Agreement key: ${bytesToHex(body.agreementKey)}`,
    );
  }
  fields.push(`Issued at: ${formatTime(body.issuedAt)}`);
  const text = [...head, '', ...fields].join('\n');
  if (text.length > DEVICE_LOG_MESSAGE_MAX) throw bad('message too long');
  return text;
}

/** Reads line `i` as `<name>: <value>` and checks the value against `pattern`. */
function field(lines: readonly string[], i: number, name: string, pattern: RegExp): string {
  const line = lines[i];
  const prefix = `${name}: `;
  if (line === undefined || !line.startsWith(prefix)) throw bad(`line ${i + 1} must be "${name}"`);
  const value = line.slice(prefix.length);
  if (!pattern.test(value)) throw bad(`malformed ${name.toLowerCase()}`);
  return value;
}

function parseTime(value: string): number {
  const ms = Date.parse(value);
  // Round-tripping rejects dates that the pattern lets through but do not exist (Feb 30, 25:00).
  if (!Number.isSafeInteger(ms) || ms < 0 || new Date(ms).toISOString() !== value) {
    throw bad('malformed issued at');
  }
  return ms;
}

/**
 * Parses the canonical text strictly (docs/protocol.md §4.1). Any deviation (line order, spacing,
 * case, CR, trailing newline, non-ASCII, length) throws CryptoError('bad_input'); a `Version:`
 * this build does not know throws CryptoError('unsupported').
 */
export function parseDeviceLogMessage(text: string): DeviceLogBody {
  if (typeof text !== 'string') throw bad('message must be a string');
  if (text.length > DEVICE_LOG_MESSAGE_MAX) throw bad('message too long');
  // Printable ASCII and \n only: no CR, tabs, control characters or look-alike Unicode.
  if (!/^[\x20-\x7e\n]*$/.test(text)) throw bad('message must be printable ASCII');
  const lines = text.split('\n');
  if (lines[0] !== DEVICE_LOG_TITLE) throw bad('not a Parley device-log message');
  if (lines[2] !== '') throw bad('line 3 must be empty');
  const version = field(lines, 3, 'Version', /^[0-9]{1,9}$/);
  if (version !== String(DEVICE_LOG_VERSION))
    throw new CryptoError('unsupported', 'unknown device-log version');
  const action = field(lines, 4, 'Action', /^(link device|revoke device)$/);
  const isLink = action === 'link device';
  if (lines[1] !== (isLink ? LINK_EXPLANATION : REVOKE_EXPLANATION))
    throw bad('line 2 does not match the action');
  const account = field(lines, 5, 'Account', ADDRESS);
  const seqText = field(lines, 6, 'Sequence', SEQ);
  const seq = Number(seqText);
  if (!Number.isSafeInteger(seq)) throw bad('sequence out of range');
  const prev = hexToBytes(field(lines, 7, 'Previous', HEX32));
  const deviceId = field(lines, 8, 'Device', DEVICE_ID);
  let body: DeviceLogBody;
  if (isLink) {
    const signingKey = hexToBytes(field(lines, 9, 'Signing key', HEX32));
    const agreementKey = hexToBytes(field(lines, 10, 'Agreement key', HEX32));
    const issuedAt = parseTime(field(lines, 11, 'Issued at', ISO));
    if (lines.length !== 12) throw bad('unexpected lines after issued at');
    body = { action: 'link', account, seq, prev, deviceId, signingKey, agreementKey, issuedAt };
  } else {
    const issuedAt = parseTime(field(lines, 9, 'Issued at', ISO));
    if (lines.length !== 10) throw bad('unexpected lines after issued at');
    body = { action: 'revoke', account, seq, prev, deviceId, issuedAt };
  }
  // The canonical-form guarantee: one entry, one spelling.
  if (formatDeviceLogMessage(body) !== text) throw bad('message is not in canonical form');
  return body;
}
