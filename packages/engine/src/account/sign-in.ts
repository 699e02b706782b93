// Account setup on this device (issue #engine, item 3): SIWE sign-in, then, the first time, create
// this device's keys, link it in the wallet's device log (one wallet signature) and publish its
// prekeys. A device that is already linked only signs in (one prompt); a later session is renewed
// with the device key alone (session.ts).
import { type CryptoSuite, findActiveDevice } from '@parley/crypto';
import { ProtocolError } from '../deps/protocol';
import type { SignInRequest } from '../engine-api';
import type { Identities } from '../identity/identities';
import type { ParleyDatabase } from '../store/database';
import type { KeyWrapper } from '../store/key-wrap';
import type { RelayApi } from '../transport/relay-api';
import type { Transport } from '../transport/transport';
import { createDeviceKeys, type DeviceSecrets, loadDeviceKeys } from './device-keys';
import { linkDevice } from './device-log';
import { maintainPrekeys } from './prekeys';
import { Sessions } from './session';
import { walletAddress } from './wallet';

export interface SignInContext {
  readonly db: ParleyDatabase;
  readonly wrapper: KeyWrapper;
  readonly suite: CryptoSuite;
  readonly api: RelayApi;
  readonly transport: Transport;
  readonly identities: Identities;
  readonly now: () => number;
}

export async function signIn(
  ctx: SignInContext,
  request: SignInRequest,
): Promise<{ address: string; deviceId: string; device: DeviceSecrets }> {
  const { db } = ctx;
  const address = await walletAddress(request.provider);
  const account = await db.account.get('me');
  if (account && account.address !== address) {
    throw new ProtocolError('conflict', 'this browser is signed in with another wallet: sign out first');
  }
  let device = account ? await loadDeviceKeys(db, ctx.wrapper, account.deviceId) : undefined;
  if (!device) {
    device = await createDeviceKeys(db, ctx.wrapper, ctx.suite, ctx.now());
    await db.account.put({
      id: 'me',
      address,
      deviceId: device.deviceId,
      linked: false,
      createdAt: ctx.now(),
    });
  }
  const sessions = new Sessions(db, ctx.api, ctx.wrapper, ctx.suite);
  request.onPrompt?.('sign-in');
  const { session, domain } = await sessions.signInWithWallet(request.provider, address, device.deviceId);
  await sessions.store(session, domain);
  ctx.transport.setToken(session.token);

  const state = await linkDevice(
    { suite: ctx.suite, api: ctx.api, identities: ctx.identities, now: ctx.now },
    request.provider,
    address,
    device,
    () => request.onPrompt?.('link-device'),
  );
  if (!findActiveDevice(state, device.deviceId))
    throw new ProtocolError('conflict', 'this device is not linked');
  await maintainPrekeys({ db, wrapper: ctx.wrapper, suite: ctx.suite, api: ctx.api, device, now: ctx.now() });
  await db.account.update('me', { linked: true });
  return { address, deviceId: device.deviceId, device };
}
