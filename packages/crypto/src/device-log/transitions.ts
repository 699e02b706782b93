// The rules of the device set (docs/protocol.md §4.4 step 11) and the state each entry leads to.
// The entry builders use the same checks, so a wallet is never asked to sign an entry that every
// verifier would refuse.
import { CryptoError } from '../errors';
import { equalBytes } from '../primitives/bytes';
import type { DeviceLogBody, LinkDeviceBody } from './message-format';
import { type DeviceLogState, type DeviceRecord, MAX_ACTIVE_DEVICES, type RevokedDevice } from './state';

type NewDevice = Pick<LinkDeviceBody, 'deviceId' | 'signingKey' | 'agreementKey'>;

function sharesKey(a: DeviceRecord, b: NewDevice): boolean {
  return (
    equalBytes(a.signingKey, b.signingKey) ||
    equalBytes(a.agreementKey, b.agreementKey) ||
    equalBytes(a.signingKey, b.agreementKey) ||
    equalBytes(a.agreementKey, b.signingKey)
  );
}

/**
 * Throws unless the device may be linked next: `revoked` if its id or one of its keys belonged to
 * a revoked device (revocation is forever, whatever id the keys come back under), bad_input if
 * its id or a key is already in use by an active device, `limit` if the account already has
 * MAX_ACTIVE_DEVICES active devices.
 */
export function checkLink(state: DeviceLogState | undefined, device: NewDevice): void {
  if (equalBytes(device.signingKey, device.agreementKey)) {
    throw new CryptoError('bad_input', 'signing and agreement keys must differ');
  }
  if (!state) return;
  if (state.revoked.some((d) => d.deviceId === device.deviceId)) {
    throw new CryptoError('revoked', 'device id was revoked');
  }
  if (state.devices.some((d) => d.deviceId === device.deviceId)) {
    throw new CryptoError('bad_input', 'device id is already linked');
  }
  if (state.revoked.some((d) => sharesKey(d, device)))
    throw new CryptoError('revoked', 'device key was revoked');
  if (state.devices.some((d) => sharesKey(d, device))) {
    throw new CryptoError('bad_input', 'device key is already linked');
  }
  if (state.devices.length >= MAX_ACTIVE_DEVICES) throw new CryptoError('limit', 'too many active devices');
}

/** Throws unless the device is active: `revoked` if it already was revoked, else unknown_device. */
export function checkRevoke(state: DeviceLogState | undefined, deviceId: string): void {
  if (state?.devices.some((d) => d.deviceId === deviceId)) return;
  if (state?.revoked.some((d) => d.deviceId === deviceId)) {
    throw new CryptoError('revoked', 'device is already revoked');
  }
  throw new CryptoError('unknown_device', 'device is not linked');
}

/** Checks the rules for `body` and returns the state after it; `head` is the entry's hash. */
export function applyBody(
  state: DeviceLogState | undefined,
  body: DeviceLogBody,
  head: Uint8Array,
): DeviceLogState {
  const devices = state?.devices ?? [];
  const revoked = state?.revoked ?? [];
  const base = { address: body.account, seq: body.seq, head, issuedAt: body.issuedAt };
  if (body.action === 'link') {
    checkLink(state, body);
    const record: DeviceRecord = {
      deviceId: body.deviceId,
      signingKey: body.signingKey,
      agreementKey: body.agreementKey,
      linkedAtSeq: body.seq,
      issuedAt: body.issuedAt,
    };
    return { ...base, devices: [...devices, record], revoked };
  }
  checkRevoke(state, body.deviceId);
  const gone = devices.find((d) => d.deviceId === body.deviceId);
  if (!gone) throw new CryptoError('unknown_device', 'device is not linked');
  const record: RevokedDevice = { ...gone, revokedAtSeq: body.seq, revokedAt: body.issuedAt };
  return { ...base, devices: devices.filter((d) => d !== gone), revoked: [...revoked, record] };
}
