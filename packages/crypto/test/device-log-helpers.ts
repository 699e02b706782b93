// Test helpers for the device log: real ethers wallets, real Ed25519/X25519 keys, and entries built
// through the public signing API exactly as a client would build them.
import { Wallet } from 'ethers';
import { appendDeviceLogEntry } from '../src/device-log/append';
import {
  buildLinkDeviceMessage,
  buildRevokeDeviceMessage,
  countersignDeviceLogMessage,
} from '../src/device-log/build';
import {
  attachDeviceLogSignatures,
  type DeviceLogEntry,
  deviceCountersignInput,
} from '../src/device-log/entry';
import {
  type DeviceLogBody,
  formatDeviceLogMessage,
  type LinkDeviceBody,
} from '../src/device-log/message-format';
import type { DeviceLogState } from '../src/device-log/state';
import { isCryptoError } from '../src/errors';
import { bytesToHex } from '../src/primitives/bytes';
import type { Random } from '../src/primitives/random';
import { type CryptoSuite, createSuite } from '../src/primitives/suite';
import { seededRandom } from './seeded-random';

export interface TestDevice {
  readonly deviceId: string;
  readonly signingPrivateKey: Uint8Array;
  readonly signingKey: Uint8Array;
  readonly agreementKey: Uint8Array;
}

/** A wallet whose private key comes from `seed`, so its address and signatures are fixed. */
export function testWallet(seed: string): Wallet {
  return new Wallet(`0x${bytesToHex(seededRandom(`wallet/${seed}`)(32))}`);
}

/** A device whose id and keys come from `random`. */
export async function testDevice(suite: CryptoSuite, random: Random): Promise<TestDevice> {
  const deviceId = bytesToHex(random(16));
  const signingPrivateKey = random(32);
  const agreementPrivateKey = random(32);
  return {
    deviceId,
    signingPrivateKey,
    signingKey: await suite.ed25519.publicKeyOf(signingPrivateKey),
    agreementKey: await suite.x25519.publicKeyOf(agreementPrivateKey),
  };
}

/** A link entry for `device` after `state`, countersigned by the device and signed by `wallet`. */
export async function linkEntry(
  suite: CryptoSuite,
  state: DeviceLogState | undefined,
  wallet: Wallet,
  device: TestDevice,
  now: number,
): Promise<DeviceLogEntry> {
  const message = buildLinkDeviceMessage(state, wallet.address, device, now);
  const deviceSignature = await countersignDeviceLogMessage(suite, device.signingPrivateKey, message);
  return attachDeviceLogSignatures(message, await wallet.signMessage(message), deviceSignature);
}

/** A revoke entry for `deviceId` after `state`, signed by `wallet`. */
export async function revokeEntry(
  state: DeviceLogState,
  wallet: Wallet,
  deviceId: string,
  now: number,
): Promise<DeviceLogEntry> {
  const message = buildRevokeDeviceMessage(state, deviceId, now);
  return attachDeviceLogSignatures(message, await wallet.signMessage(message));
}

export const T0 = Date.UTC(2026, 10, 22, 1, 0, 0, 0);
export const MINUTE = 60_000;

/** Throws unless `p` rejects with a CryptoError; returns its kind and index. */
export async function failure(p: Promise<unknown>): Promise<{ kind: string; index: number | undefined }> {
  try {
    await p;
  } catch (e) {
    if (isCryptoError(e)) return { kind: e.kind, index: e.index };
    throw e;
  }
  throw new Error('expected a rejection');
}

/** Throws unless `f` throws a CryptoError; returns its kind. */
export function failureSync(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isCryptoError(e)) return e.kind;
    throw e;
  }
  throw new Error('expected a rejection');
}

/**
 * The shared setup of the rejection tests: an account with a two-entry log (link a, link b), an
 * attacker wallet, twelve devices, and ways to sign arbitrary bodies that the builders would refuse.
 */
export async function rejectionFixture(backend: 'webcrypto' | 'noble', name: string) {
  const suite = await createSuite({ backend });
  const wallet = testWallet('victim');
  const mallory = testWallet('mallory');
  const address = wallet.address.toLowerCase();
  const random = seededRandom(`device-log/${name}/${backend}`);
  const devices: TestDevice[] = [];
  for (let i = 0; i < 12; i++) devices.push(await testDevice(suite, random));
  const [a, b, c] = devices as [TestDevice, TestDevice, TestDevice];
  const e0 = await linkEntry(suite, undefined, wallet, a, T0);
  const s0 = await appendDeviceLogEntry(suite, undefined, address, e0);
  const e1 = await linkEntry(suite, s0, wallet, b, T0 + MINUTE);
  const s1 = await appendDeviceLogEntry(suite, s0, address, e1);

  /**
   * Signs an arbitrary body (bypassing the builders' checks) with `signer`. A link is
   * countersigned with `countersigner`'s key, by default the test device whose key it names
   * (64 zero bytes if none does).
   */
  async function signed(body: DeviceLogBody, signer: Wallet = wallet, countersigner?: TestDevice) {
    const message = formatDeviceLogMessage(body);
    const walletSig = await signer.signMessage(message);
    if (body.action === 'revoke') return attachDeviceLogSignatures(message, walletSig);
    const key =
      countersigner ?? devices.find((d) => bytesToHex(d.signingKey) === bytesToHex(body.signingKey));
    const deviceSig = key
      ? bytesToHex(await suite.ed25519.sign(key.signingPrivateKey, deviceCountersignInput(message)))
      : '00'.repeat(64);
    return attachDeviceLogSignatures(message, walletSig, deviceSig);
  }

  /** A link body for `device` as the next entry after `state`, without the builder's rule checks. */
  function linkBody(state: DeviceLogState | undefined, device: TestDevice, issuedAt: number): LinkDeviceBody {
    return {
      action: 'link',
      account: address,
      seq: state ? state.seq + 1 : 0,
      prev: state ? state.head : new Uint8Array(32),
      deviceId: device.deviceId,
      signingKey: device.signingKey,
      agreementKey: device.agreementKey,
      issuedAt,
    };
  }

  return { suite, wallet, mallory, address, devices, a, b, c, e0, s0, e1, s1, signed, linkBody };
}
