// Test identities: a real ethers wallet, a device with real Ed25519/X25519 keys, SIWE sign-in,
// and device-log entries built with @parley/crypto's signing API exactly as a client builds them.
import { randomBytes } from 'node:crypto';
import { type CryptoSuite, createSuite } from '@parley/crypto';
import { Wallet } from 'ethers';
import { appendDeviceLogEntry } from '../../../packages/crypto/src/device-log/append';
import {
  buildLinkDeviceMessage,
  buildRevokeDeviceMessage,
  countersignDeviceLogMessage,
} from '../../../packages/crypto/src/device-log/build';
import {
  attachDeviceLogSignatures,
  type DeviceLogEntry,
} from '../../../packages/crypto/src/device-log/entry';
import type { DeviceLogState } from '../../../packages/crypto/src/device-log/state';
import { gql, op } from './client';

let suite: CryptoSuite | undefined;
export async function testSuite() {
  suite ??= await createSuite();
  return suite;
}

export interface Device {
  readonly deviceId: string;
  readonly signingPrivateKey: Uint8Array;
  readonly signingKey: Uint8Array;
  readonly agreementKey: Uint8Array;
}

export interface Identity {
  readonly wallet: Wallet;
  readonly address: string;
  readonly device: Device;
  token: string;
}

export async function newDevice(): Promise<Device> {
  const s = await testSuite();
  const signingPrivateKey = new Uint8Array(randomBytes(32));
  return {
    deviceId: randomBytes(16).toString('hex'),
    signingPrivateKey,
    signingKey: await s.ed25519.publicKeyOf(signingPrivateKey),
    agreementKey: await s.x25519.publicKeyOf(new Uint8Array(randomBytes(32))),
  };
}

export async function challenge(url: string, address: string, deviceId: string): Promise<string> {
  const r = await gql<{ challenge: { message: string } }>(url, op.challenge, { address, deviceId });
  return r.challenge.message;
}

export async function signIn(url: string, wallet: Wallet, deviceId: string): Promise<string> {
  const address = wallet.address.toLowerCase();
  const message = await challenge(url, address, deviceId);
  const signature = await wallet.signMessage(message);
  const r = await gql<{ signIn: { token: string } }>(url, op.signIn, { message, signature });
  return r.signIn.token;
}

export function randomWallet(): Wallet {
  return new Wallet(`0x${randomBytes(32).toString('hex')}`);
}

export async function newIdentity(url: string): Promise<Identity> {
  const wallet = randomWallet();
  const device = await newDevice();
  const token = await signIn(url, wallet, device.deviceId);
  return { wallet, address: wallet.address.toLowerCase(), device, token };
}

export async function linkEntry(
  id: Identity,
  device: Device = id.device,
  state: DeviceLogState | undefined = undefined,
): Promise<DeviceLogEntry> {
  const s = await testSuite();
  const message = buildLinkDeviceMessage(state, id.address, device, Date.now());
  const deviceSignature = await countersignDeviceLogMessage(s, device.signingPrivateKey, message);
  return attachDeviceLogSignatures(message, await id.wallet.signMessage(message), deviceSignature);
}

/** Publishes the first entry of the identity's log, linking its device. */
export async function publishLog(url: string, id: Identity): Promise<void> {
  await gql(url, op.publishDeviceLog, { fromSeq: 0, entries: [await linkEntry(id)] }, id.token);
}

export async function revokeEntry(
  id: Identity,
  state: DeviceLogState,
  deviceId: string,
): Promise<DeviceLogEntry> {
  const message = buildRevokeDeviceMessage(state, deviceId, Date.now());
  return attachDeviceLogSignatures(message, await id.wallet.signMessage(message));
}

/** The state after `entries`, as a client computes it. */
export async function stateAfter(
  id: Identity,
  entries: readonly DeviceLogEntry[],
): Promise<DeviceLogState | undefined> {
  let state: DeviceLogState | undefined;
  for (const e of entries) state = await appendDeviceLogEntry(await testSuite(), state, id.address, e);
  return state;
}
