// Sign-in with Ethereum against a real relay with a real wallet, and device-key session renewal.
import type { Wallet } from 'ethers';
import { SiweMessage } from 'siwe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewSigningInput } from '../src/auth/device-renew';
import { gql, gqlRaw, kindOf, op } from './helpers/client';
import { DOMAIN, type Harness, startRelay } from './helpers/harness';
import {
  challenge,
  newDevice,
  newIdentity,
  publishLog,
  randomWallet,
  signIn,
  testSuite,
} from './helpers/identity';

let h: Harness;
beforeAll(async () => {
  h = await startRelay();
});
afterAll(async () => {
  await h.close();
});

const signInWith = (message: string, signature: string) => gql(h.url, op.signIn, { message, signature });

/** A fresh challenge for `wallet`, re-issued with `change` applied (and re-signed). */
async function variant(wallet: Wallet, deviceId: string, change: (m: SiweMessage) => void) {
  const original = new SiweMessage(await challenge(h.url, wallet.address.toLowerCase(), deviceId));
  change(original);
  const message = original.prepareMessage();
  return { message, signature: await wallet.signMessage(message) };
}

describe('sign-in with Ethereum', () => {
  it('signs in with a wallet and the session works over HTTP', async () => {
    const id = await newIdentity(h.url);
    const me = await gql<{ me: { address: string; deviceId: string } }>(h.url, op.me, {}, id.token);
    expect(me.me).toEqual(expect.objectContaining({ address: id.address, deviceId: id.device.deviceId }));
  });

  it('refuses a replayed SIWE message', async () => {
    const wallet = randomWallet();
    const { deviceId } = await newDevice();
    const message = await challenge(h.url, wallet.address.toLowerCase(), deviceId);
    const signature = await wallet.signMessage(message);
    expect(await kindOf(signInWith(message, signature))).toBe('ok');
    expect(await kindOf(signInWith(message, signature))).toBe('replay');
  });

  it('refuses an expired message', async () => {
    const wallet = randomWallet();
    const { deviceId } = await newDevice();
    const message = await challenge(h.url, wallet.address.toLowerCase(), deviceId);
    const signature = await wallet.signMessage(message);
    h.clock.advance(6 * 60_000);
    try {
      expect(await kindOf(signInWith(message, signature))).toBe('expired');
    } finally {
      h.clock.advance(-6 * 60_000);
    }
  });

  it('refuses a message for another domain, URI or chain', async () => {
    const wallet = randomWallet();
    const { deviceId } = await newDevice();
    for (const change of [
      (m: SiweMessage) => {
        m.domain = 'evil.example';
      },
      (m: SiweMessage) => {
        m.uri = 'https://evil.example';
      },
      (m: SiweMessage) => {
        m.chainId = 5;
      },
    ]) {
      const v = await variant(wallet, deviceId, change);
      expect(await kindOf(signInWith(v.message, v.signature))).toBe('bad_request');
    }
    expect(DOMAIN).toBe('relay.test');
  });

  it('refuses a reused nonce in a different message', async () => {
    const wallet = randomWallet();
    const { deviceId } = await newDevice();
    const first = await challenge(h.url, wallet.address.toLowerCase(), deviceId);
    expect(await kindOf(signInWith(first, await wallet.signMessage(first)))).toBe('ok');
    const second = new SiweMessage(first);
    second.statement = 'Another statement with the same nonce';
    const text = second.prepareMessage();
    expect(await kindOf(signInWith(text, await wallet.signMessage(text)))).toBe('replay');
  });

  it('lets exactly one of two parallel sign-ins with one nonce succeed', async () => {
    const wallet = randomWallet();
    const { deviceId } = await newDevice();
    const a = await challenge(h.url, wallet.address.toLowerCase(), deviceId);
    const bMsg = new SiweMessage(a);
    bMsg.statement = 'Same nonce, second message';
    const b = bMsg.prepareMessage();
    const results = await Promise.all([
      kindOf(signInWith(a, await wallet.signMessage(a))),
      kindOf(signInWith(b, await wallet.signMessage(b))),
    ]);
    expect(results.sort()).toEqual(['ok', 'replay']);
  });

  it('refuses a signature from another wallet, and a nonce issued to another address', async () => {
    const wallet = randomWallet();
    const other = randomWallet();
    const { deviceId } = await newDevice();
    const message = await challenge(h.url, wallet.address.toLowerCase(), deviceId);
    expect(await kindOf(signInWith(message, await other.signMessage(message)))).toBe('bad_signature');
    // other signs a message naming itself but carrying wallet's nonce.
    const stolen = new SiweMessage(message);
    stolen.address = other.address;
    const text = stolen.prepareMessage();
    expect(await kindOf(signInWith(text, await other.signMessage(text)))).toBe('replay');
  });

  it('refuses a missing, malformed or revoked token', async () => {
    const id = await newIdentity(h.url);
    expect(await kindOf(gql(h.url, op.me))).toBe('unauthenticated');
    expect(await kindOf(gql(h.url, op.me, {}, 'not-a-real-token-at-all'))).toBe('unauthenticated');
    const r = await gqlRaw(h.url, op.me, {}, undefined, { authorization: 'Basic abc' });
    expect(r.errors?.[0]?.extensions?.kind).toBe('unauthenticated');
    expect(await kindOf(gql(h.url, op.signOut, {}, id.token))).toBe('ok');
    expect(await kindOf(gql(h.url, op.me, {}, id.token))).toBe('unauthenticated');
  });

  it('expires sessions', async () => {
    const id = await newIdentity(h.url);
    h.clock.advance(h.config.sessionTtlMs + 1);
    try {
      expect(await kindOf(gql(h.url, op.me, {}, id.token))).toBe('unauthenticated');
    } finally {
      h.clock.advance(-(h.config.sessionTtlMs + 1));
    }
  });
});

describe('session renewal with a device key', () => {
  it('renews with a device-key signature, once per challenge, without the wallet', async () => {
    const id = await newIdentity(h.url);
    await publishLog(h.url, id);
    const vars = { address: id.address, deviceId: id.device.deviceId };
    const c = await gql<{ deviceChallenge: { challenge: string } }>(h.url, op.deviceChallenge, vars);
    const input = renewSigningInput(DOMAIN, id.address, id.device.deviceId, c.deviceChallenge.challenge);
    const suite = await testSuite();
    const signature = Buffer.from(await suite.ed25519.sign(id.device.signingPrivateKey, input)).toString(
      'hex',
    );
    const renewed = await gql<{ renewSession: { token: string } }>(h.url, op.renewSession, {
      ...vars,
      challenge: c.deviceChallenge.challenge,
      signature,
    });
    const me = await gql<{ me: { address: string } }>(h.url, op.me, {}, renewed.renewSession.token);
    expect(me.me.address).toBe(id.address);
    const again = gql(h.url, op.renewSession, { ...vars, challenge: c.deviceChallenge.challenge, signature });
    expect(await kindOf(again)).toBe('replay');
  });

  it('refuses a signature by another key, and a device not in the log', async () => {
    const id = await newIdentity(h.url);
    await publishLog(h.url, id);
    const vars = { address: id.address, deviceId: id.device.deviceId };
    const c = await gql<{ deviceChallenge: { challenge: string } }>(h.url, op.deviceChallenge, vars);
    const stranger = await newDevice();
    const input = renewSigningInput(DOMAIN, id.address, id.device.deviceId, c.deviceChallenge.challenge);
    const suite = await testSuite();
    const signature = Buffer.from(await suite.ed25519.sign(stranger.signingPrivateKey, input)).toString(
      'hex',
    );
    const r = gql(h.url, op.renewSession, { ...vars, challenge: c.deviceChallenge.challenge, signature });
    expect(await kindOf(r)).toBe('bad_signature');
    const unknown = gql(h.url, op.deviceChallenge, { address: id.address, deviceId: stranger.deviceId });
    expect(await kindOf(unknown)).toBe('not_found');
  });

  it('signs the same wallet in again from a second device', async () => {
    const id = await newIdentity(h.url);
    const second = await newDevice();
    const token = await signIn(h.url, id.wallet, second.deviceId);
    const me = await gql<{ me: { deviceId: string } }>(h.url, op.me, {}, token);
    expect(me.me.deviceId).toBe(second.deviceId);
  });
});
