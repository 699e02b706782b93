// This device's prekeys (docs/protocol.md §5.2): created and published after the device is linked,
// the signed prekey rotated weekly, one-time prekeys topped up as first messages use them. The
// private halves are stored wrapped, like the device keys (store/key-wrap.ts).
import { bytesToHex, type CryptoSuite } from '@parley/crypto';
import { z } from 'zod';
import {
  createDevicePrekeys,
  type DevicePrekeys,
  publishedPrekeys,
  replenishOneTimePrekeys,
  rotateSignedPrekey,
  signedPrekeyNeedsRotation,
} from '../deps/crypto';
import { joinSignedPrekey, MAX_ONE_TIME_PREKEYS, ProtocolError, prekeyIdHex } from '../deps/protocol';
import type { ParleyDatabase } from '../store/database';
import type { KeyWrapper } from '../store/key-wrap';
import { decodePlain, encodePlain } from '../store/plain-codec';
import type { WrappedSecret } from '../store/schema';
import type { RelayApi } from '../transport/relay-api';
import type { DeviceSecrets } from './device-keys';

export const PREKEYS_PURPOSE = 'parley/v1/engine/device/prekeys';
/** Top the one-time prekeys up once fewer than this are left. */
export const ONE_TIME_LOW_WATER = MAX_ONE_TIME_PREKEYS / 2;

const Bytes = z.instanceof(Uint8Array);
const KeyPair = z.object({ privateKey: Bytes, publicKey: Bytes });
const Signed = z.object({ id: z.number().int(), keyPair: KeyPair, signature: Bytes, createdAt: z.number() });
const StoredPrekeys = z.object({
  version: z.literal(1),
  signed: Signed,
  retired: z.array(Signed.extend({ retiredAt: z.number() })),
  oneTime: z.array(z.object({ id: z.number().int(), keyPair: KeyPair })),
  nextSignedId: z.number().int(),
  nextOneTimeId: z.number().int(),
});

export async function wrapPrekeys(wrapper: KeyWrapper, prekeys: DevicePrekeys): Promise<WrappedSecret> {
  return wrapper.wrap(encodePlain(prekeys), PREKEYS_PURPOSE);
}

export async function unwrapPrekeys(wrapper: KeyWrapper, wrapped: WrappedSecret): Promise<DevicePrekeys> {
  const parsed = StoredPrekeys.safeParse(decodePlain(await wrapper.unwrap(wrapped, PREKEYS_PURPOSE)));
  if (!parsed.success) throw new ProtocolError('internal', 'stored prekeys do not parse');
  return parsed.data;
}

function oneTimeWire(keys: ReadonlyArray<{ id: number; publicKey: Uint8Array }>) {
  return keys.map((k) => ({ keyId: prekeyIdHex(k.id), publicKey: bytesToHex(k.publicKey) }));
}

function signedWire(prekeys: DevicePrekeys): string {
  const s = publishedPrekeys(prekeys).signedPrekey;
  return joinSignedPrekey({
    id: s.id,
    publicKey: bytesToHex(s.publicKey),
    signature: bytesToHex(s.signature),
  });
}

/**
 * Creates and publishes prekeys the first time, then rotates and tops up as needed. Stores before
 * publishing: a key the relay hands out must always have its private half here.
 */
export async function maintainPrekeys(p: {
  db: ParleyDatabase;
  wrapper: KeyWrapper;
  suite: CryptoSuite;
  api: RelayApi;
  device: DeviceSecrets;
  now: number;
}): Promise<void> {
  const row = await p.db.devices.get(p.device.deviceId);
  if (!row) throw new ProtocolError('internal', 'no keys for this device');
  let prekeys = row.prekeys ? await unwrapPrekeys(p.wrapper, row.prekeys) : undefined;
  let signed: string | undefined;
  let oneTime: Array<{ id: number; publicKey: Uint8Array }> = [];
  if (!prekeys || row.prekeysPublishedAt === undefined) {
    prekeys ??= await createDevicePrekeys(p.suite, p.device.signing.privateKey, p.now, MAX_ONE_TIME_PREKEYS);
    signed = signedWire(prekeys);
    oneTime = prekeys.oneTime.map((k) => ({ id: k.id, publicKey: k.keyPair.publicKey }));
  } else {
    if (signedPrekeyNeedsRotation(prekeys.signed.createdAt, p.now)) {
      prekeys = await rotateSignedPrekey(p.suite, prekeys, p.device.signing.privateKey, p.now);
      signed = signedWire(prekeys);
    }
    if (prekeys.oneTime.length < ONE_TIME_LOW_WATER) {
      const topped = await replenishOneTimePrekeys(p.suite, prekeys, MAX_ONE_TIME_PREKEYS);
      prekeys = topped.prekeys;
      oneTime = topped.added;
    }
    if (signed === undefined && oneTime.length === 0) return;
  }
  await p.db.devices.update(p.device.deviceId, { prekeys: await wrapPrekeys(p.wrapper, prekeys) });
  await p.api.publishPrekeys(signed, oneTimeWire(oneTime.slice(0, MAX_ONE_TIME_PREKEYS)));
  await p.db.devices.update(p.device.deviceId, { prekeysPublishedAt: p.now });
}
