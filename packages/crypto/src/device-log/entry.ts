// A device-log entry as it travels and is stored: the signed text plus its signatures, and the
// two byte strings derived from it, the countersignature input and the entry hash
// (docs/protocol.md §4.2). The wire schema in @parley/protocol (DeviceLogEntryWire) has the same
// shape; this package keeps its own type because it imports no internal package.
import { CryptoError } from '../errors';
import { concatBytes, hexToBytes, lengthPrefixed, utf8ToBytes } from '../primitives/bytes';
import { label, sha256 } from '../primitives/kdf';
import { DEVICE_LOG_MESSAGE_MAX } from './message-format';
import { normalizeWalletSignature } from './wallet-signature';

export interface DeviceLogEntry {
  /** The canonical message text (message-format.ts) that the wallet signed. */
  readonly message: string;
  /** EIP-191 signature: 0x + 130 lowercase hex (r || s || v), low S, v in {27, 28}. */
  readonly walletSignature: string;
  /** Link entries only: the new device's Ed25519 countersignature, 128 lowercase hex. */
  readonly deviceSignature?: string | undefined;
}

const WALLET_SIG = /^0x[0-9a-f]{130}$/;
const DEVICE_SIG = /^[0-9a-f]{128}$/;
const KEYS = new Set(['message', 'walletSignature', 'deviceSignature']);
const ENTRY_LABEL = label('device-log/entry');
const COUNTERSIGN_LABEL = label('device-log/countersign');

/**
 * Throws bad_input unless `entry` has exactly the wire shape: a message string within the size
 * cap, a wallet signature of the right form, and either no device signature or one of the right
 * form. Unknown properties are refused so that nothing unsigned rides along with an entry.
 */
export function assertEntryShape(entry: DeviceLogEntry): void {
  if (typeof entry !== 'object' || entry === null)
    throw new CryptoError('bad_input', 'entry must be an object');
  for (const key of Object.keys(entry)) {
    if (!KEYS.has(key)) throw new CryptoError('bad_input', 'entry has an unknown property');
  }
  if (typeof entry.message !== 'string' || entry.message.length > DEVICE_LOG_MESSAGE_MAX) {
    throw new CryptoError('bad_input', 'entry message missing or too long');
  }
  if (typeof entry.walletSignature !== 'string' || !WALLET_SIG.test(entry.walletSignature)) {
    throw new CryptoError('bad_input', 'malformed wallet signature');
  }
  const ds = entry.deviceSignature;
  if (ds !== undefined && (typeof ds !== 'string' || !DEVICE_SIG.test(ds))) {
    throw new CryptoError('bad_input', 'malformed device signature');
  }
}

/** The bytes a new device signs with Ed25519: label('device-log/countersign') || utf8(message). */
export function deviceCountersignInput(message: string): Uint8Array {
  return concatBytes(COUNTERSIGN_LABEL, utf8ToBytes(message));
}

/**
 * The entry hash that the next entry's `Previous:` names and that clients pin:
 * SHA-256(lengthPrefixed(label('device-log/entry'), utf8(message), walletSignature (65 bytes),
 * deviceSignature (64 bytes, or empty for a revoke))).
 */
export function deviceLogEntryHash(entry: DeviceLogEntry): Uint8Array {
  assertEntryShape(entry);
  const deviceSig =
    entry.deviceSignature === undefined ? new Uint8Array(0) : hexToBytes(entry.deviceSignature);
  return sha256(
    lengthPrefixed(
      ENTRY_LABEL,
      utf8ToBytes(entry.message),
      hexToBytes(entry.walletSignature.slice(2)),
      deviceSig,
    ),
  );
}

/**
 * Assembles an entry from the message text, the signature the wallet returned for it
 * (personal_sign), and, for a link, the new device's countersignature. The wallet signature is
 * normalized to the canonical form (lowercase, v 27/28, low S). Nothing is verified here:
 * appendDeviceLogEntry does that.
 */
export function attachDeviceLogSignatures(
  message: string,
  walletSignature: string,
  deviceSignature?: string,
): DeviceLogEntry {
  const entry: DeviceLogEntry =
    deviceSignature === undefined
      ? { message, walletSignature: normalizeWalletSignature(walletSignature) }
      : { message, walletSignature: normalizeWalletSignature(walletSignature), deviceSignature };
  assertEntryShape(entry);
  return entry;
}
