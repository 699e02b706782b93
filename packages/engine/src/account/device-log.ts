// Linking and revoking devices in the account's device log (docs/protocol.md §4.6). Linking costs
// one wallet signature (personal_sign of the human-readable entry); the new device countersigns
// the same text with its Ed25519 key first. Revoking costs one wallet signature too.
import {
  attachDeviceLogSignatures,
  buildLinkDeviceMessage,
  buildRevokeDeviceMessage,
  type CryptoSuite,
  countersignDeviceLogMessage,
  type DeviceLogState,
  findActiveDevice,
  findRevokedDevice,
} from '@parley/crypto';
import { ProtocolError } from '../deps/protocol';
import type { Eip1193Provider } from '../engine-api';
import type { Identities } from '../identity/identities';
import type { RelayApi } from '../transport/relay-api';
import type { DeviceSecrets } from './device-keys';
import { personalSign } from './wallet';

export interface DeviceLogContext {
  readonly suite: CryptoSuite;
  readonly api: RelayApi;
  readonly identities: Identities;
  readonly now: () => number;
}

/** Links `device` unless the verified log already has it. Returns the verified state after. */
export async function linkDevice(
  ctx: DeviceLogContext,
  provider: Eip1193Provider,
  address: string,
  device: DeviceSecrets,
  onPrompt?: () => void,
): Promise<DeviceLogState> {
  const before = await ctx.identities.refresh(address);
  if (before && findActiveDevice(before, device.deviceId)) return before;
  if (before && findRevokedDevice(before, device.deviceId)) {
    throw new ProtocolError('forbidden', 'this device was revoked and cannot be linked again');
  }
  const message = buildLinkDeviceMessage(
    before,
    address,
    {
      deviceId: device.deviceId,
      signingKey: device.signing.publicKey,
      agreementKey: device.agreement.publicKey,
    },
    ctx.now(),
  );
  const deviceSignature = await countersignDeviceLogMessage(ctx.suite, device.signing.privateKey, message);
  onPrompt?.();
  const walletSignature = await personalSign(provider, message, address);
  const entry = attachDeviceLogSignatures(message, walletSignature, deviceSignature);
  await ctx.api.publishDeviceLog(before ? before.seq + 1 : 0, [entry]);
  const after = await ctx.identities.refresh(address);
  if (!after || !findActiveDevice(after, device.deviceId)) {
    throw new ProtocolError('conflict', 'the relay did not keep the link entry');
  }
  return after;
}

/** Revokes `deviceId` (another device of this account, or this one). */
export async function revokeDevice(
  ctx: DeviceLogContext,
  provider: Eip1193Provider,
  address: string,
  deviceId: string,
): Promise<DeviceLogState> {
  const before = await ctx.identities.refresh(address);
  if (!before) throw new ProtocolError('not_found', 'this account has no device log');
  const message = buildRevokeDeviceMessage(before, deviceId, ctx.now());
  const walletSignature = await personalSign(provider, message, address);
  await ctx.api.publishDeviceLog(before.seq + 1, [attachDeviceLogSignatures(message, walletSignature)]);
  const after = await ctx.identities.refresh(address);
  if (!after || findActiveDevice(after, deviceId)) {
    throw new ProtocolError('conflict', 'the relay did not keep the revoke entry');
  }
  return after;
}
