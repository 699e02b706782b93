// This device's long-term keys (DESIGN.md §4): a 16-byte random device id, an Ed25519 signing key
// and an X25519 agreement key. The private halves are stored wrapped (store/key-wrap.ts) and
// unwrapped once per engine start into memory.
import { bytesToHex, type CryptoSuite, type KeyPair, wipe } from '@parley/crypto';
import type { ParleyDatabase } from '../store/database';
import type { KeyWrapper } from '../store/key-wrap';

export interface DeviceSecrets {
  readonly deviceId: string;
  readonly signing: KeyPair;
  readonly agreement: KeyPair;
}

export const SIGNING_PURPOSE = 'parley/v1/engine/device/signing';
export const AGREEMENT_PURPOSE = 'parley/v1/engine/device/agreement';

/** Creates and stores fresh device keys. */
export async function createDeviceKeys(
  db: ParleyDatabase,
  wrapper: KeyWrapper,
  suite: CryptoSuite,
  now: number,
): Promise<DeviceSecrets> {
  const deviceId = bytesToHex(suite.random(16));
  const signing = await suite.ed25519.generateKeyPair();
  const agreement = await suite.x25519.generateKeyPair();
  const signingPrivateKey = await wrapper.wrap(signing.privateKey, SIGNING_PURPOSE);
  const agreementPrivateKey = await wrapper.wrap(agreement.privateKey, AGREEMENT_PURPOSE);
  await db.devices.put({
    deviceId,
    signingPublicKey: signing.publicKey,
    agreementPublicKey: agreement.publicKey,
    signingPrivateKey,
    agreementPrivateKey,
    createdAt: now,
  });
  return { deviceId, signing, agreement };
}

/** The stored keys of `deviceId`, unwrapped, or undefined when there are none. */
export async function loadDeviceKeys(
  db: ParleyDatabase,
  wrapper: KeyWrapper,
  deviceId: string,
): Promise<DeviceSecrets | undefined> {
  const row = await db.devices.get(deviceId);
  if (!row) return undefined;
  return {
    deviceId,
    signing: {
      publicKey: row.signingPublicKey,
      privateKey: await wrapper.unwrap(row.signingPrivateKey, SIGNING_PURPOSE),
    },
    agreement: {
      publicKey: row.agreementPublicKey,
      privateKey: await wrapper.unwrap(row.agreementPrivateKey, AGREEMENT_PURPOSE),
    },
  };
}

export function wipeDeviceSecrets(secrets: DeviceSecrets | undefined): void {
  if (secrets) wipe(secrets.signing.privateKey, secrets.agreement.privateKey);
}
