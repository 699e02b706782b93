// Verifying one device-log entry against the state the log had before it (docs/protocol.md §4.4).
// This is the only code path that accepts entries: the relay calls it for each new entry against
// its stored state, and verifyDeviceLog calls it for every entry of a whole log. Each entry costs
// one wallet-signature recovery (about 2 ms) and, for a link, one Ed25519 verification.
import { CryptoError, isCryptoError } from '../errors';
import { equalBytes, hexToBytes } from '../primitives/bytes';
import type { CryptoSuite } from '../primitives/suite';
import { assertAgreementKey, assertSigningKey } from './device-keys';
import { assertEntryShape, type DeviceLogEntry, deviceCountersignInput, deviceLogEntryHash } from './entry';
import { parseDeviceLogMessage } from './message-format';
import type { DeviceLogState } from './state';
import { applyBody } from './transitions';
import { verifyWalletSignature } from './wallet-signature';

/**
 * How far an entry's issued-at may lie before its predecessor's (clocks of two devices differ),
 * and, when the verifier passes `now`, how far it may lie in the future.
 */
export const ISSUED_AT_SKEW_MS = 10 * 60 * 1000;

const GENESIS_PREV = new Uint8Array(32);

export interface AppendOptions {
  /** The verifier's clock (ms since the Unix epoch). If given, entries issued later than
   * now + ISSUED_AT_SKEW_MS are refused (broken_chain). The relay should always pass it. */
  readonly now?: number | undefined;
}

/** Lowercase form of a 0x-hex wallet address in any case; throws bad_input otherwise. */
export function normalizeAddress(address: string): string {
  if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(address)) {
    throw new CryptoError('bad_input', 'address must be 20 bytes of 0x-hex');
  }
  return address.toLowerCase();
}

async function checkEntry(
  suite: CryptoSuite,
  state: DeviceLogState | undefined,
  account: string,
  entry: DeviceLogEntry,
  options: AppendOptions,
): Promise<DeviceLogState> {
  // 2-3. Shape, then the strict parse of the signed text.
  assertEntryShape(entry);
  const body = parseDeviceLogMessage(entry.message);
  // 4-7. Position in the chain: account, sequence, previous hash, time.
  if (body.account !== account) throw new CryptoError('broken_chain', 'entry names another account');
  const expectedSeq = state ? state.seq + 1 : 0;
  if (body.seq !== expectedSeq) throw new CryptoError('broken_chain', 'sequence does not follow');
  if (!equalBytes(body.prev, state ? state.head : GENESIS_PREV)) {
    throw new CryptoError('broken_chain', 'previous hash does not match');
  }
  if (state && body.issuedAt < state.issuedAt - ISSUED_AT_SKEW_MS) {
    throw new CryptoError('broken_chain', 'issued-at goes backwards');
  }
  if (options.now !== undefined && body.issuedAt > options.now + ISSUED_AT_SKEW_MS) {
    throw new CryptoError('broken_chain', 'issued-at is in the future');
  }
  // 8. Countersignature presence follows the action.
  if (body.action === 'link' && entry.deviceSignature === undefined) {
    throw new CryptoError('forged_entry', 'link entry is not countersigned');
  }
  if (body.action === 'revoke' && entry.deviceSignature !== undefined) {
    throw new CryptoError('bad_input', 'revoke entry must not carry a device signature');
  }
  // 9. The wallet signature: nothing in the entry is trusted before this.
  if (!verifyWalletSignature(entry.message, entry.walletSignature, account)) {
    throw new CryptoError('forged_entry', 'wallet signature is not from the account');
  }
  // 10. A link: the keys, then the new device's countersignature (proves it holds the key).
  if (body.action === 'link' && entry.deviceSignature !== undefined) {
    assertSigningKey(body.signingKey);
    assertAgreementKey(body.agreementKey);
    const ok = await suite.ed25519.verify(
      body.signingKey,
      deviceCountersignInput(entry.message),
      hexToBytes(entry.deviceSignature),
    );
    if (!ok) throw new CryptoError('forged_entry', 'device countersignature does not verify');
  }
  // 11-12. The device-set rules, and the new state.
  return applyBody(state, body, deviceLogEntryHash(entry));
}

/**
 * Verifies `entry` as the next entry of `address`'s log after `state` (undefined: the log is
 * empty and this is entry 0) and returns the new state; `state` is not changed. Throws
 * CryptoError with `index` = the entry's position (its expected sequence number) and kind
 * bad_input, unsupported, broken_chain, forged_entry, bad_key, revoked, unknown_device or limit,
 * in the check order of docs/protocol.md §4.4.
 */
export async function appendDeviceLogEntry(
  suite: CryptoSuite,
  state: DeviceLogState | undefined,
  address: string,
  entry: DeviceLogEntry,
  options: AppendOptions = {},
): Promise<DeviceLogState> {
  const index = state ? state.seq + 1 : 0;
  try {
    // 1. The caller's arguments.
    const account = normalizeAddress(address);
    if (state && state.address !== account)
      throw new CryptoError('bad_input', 'state is for another account');
    return await checkEntry(suite, state, account, entry, options);
  } catch (e) {
    if (isCryptoError(e)) throw new CryptoError(e.kind, e.message, { index, cause: e });
    throw new CryptoError('bad_input', 'malformed device-log entry', { index, cause: e });
  }
}
