import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_PURPOSE } from '../src/account/session';
import type { Engine } from '../src/engine';
import { openKeyWrapper } from '../src/store/key-wrap';
import { newEngine, type Person, signedInPerson, texts, waitFor } from './support/engines';
import { type RunningRelay, startRelay } from './support/relay-harness';
import { TestWallet } from './support/test-wallet';

let relay: RunningRelay;
const engines: Engine[] = [];

beforeAll(async () => {
  relay = await startRelay();
}, 60_000);

afterAll(async () => {
  for (const e of engines) await e.stop();
  await relay?.close();
});

async function roundTrip(from: Engine, to: Engine, conversationId: string, body: string) {
  await from.send(conversationId, { type: 'text', body });
  await waitFor(async () => (await texts(to, conversationId)).includes(body), `"${body}" to arrive`);
}

describe('account setup and sessions', () => {
  it('links a device with one wallet signature, and a second sign-in on it needs only the SIWE one', async () => {
    const alice: Person = await signedInPerson(relay.url, 'alice');
    engines.push(alice.engine);
    expect(alice.wallet.signatures).toBe(2);
    const account = await alice.engine.db.account.get('me');
    expect(account).toMatchObject({ address: alice.address, deviceId: alice.deviceId, linked: true });
    // The private keys are stored wrapped, never as they are.
    const keys = await alice.engine.db.devices.get(alice.deviceId);
    expect(keys?.signingPrivateKey.ciphertext.length).toBe(32 + 16);
    expect(keys?.prekeys).toBeDefined();

    const again = await alice.engine.signIn({ provider: alice.wallet });
    expect(again.deviceId).toBe(alice.deviceId);
    expect(alice.wallet.signatures).toBe(3);
  });

  it('signIn waits for a start() still under way (the UI may call it as the app loads)', async () => {
    const engine = newEngine(relay.url);
    engines.push(engine);
    const wallet = new TestWallet();
    void engine.start();
    const { address } = await engine.signIn({ provider: wallet });
    expect(address).toBe(wallet.address);
    // And before start() at all, it is refused with a typed error rather than hanging.
    const unstarted = newEngine(relay.url);
    await expect(unstarted.signIn({ provider: wallet })).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('signOut wipes chat data but keeps the built-in wallet keystore', async () => {
    const alice: Person = await signedInPerson(relay.url, 'alice-out');
    engines.push(alice.engine);
    await alice.engine.db.preferences.bulkPut([
      { key: 'wallet.builtin', value: { address: alice.address, keystore: '{"Crypto":{}}' } },
      { key: 'privacy.typing', value: false },
    ]);
    await alice.engine.signOut();
    expect(await alice.engine.db.account.count()).toBe(0);
    expect(await alice.engine.db.devices.count()).toBe(0);
    expect(await alice.engine.db.preferences.get('privacy.typing')).toBeUndefined();
    expect((await alice.engine.db.preferences.get('wallet.builtin'))?.value).toEqual({
      address: alice.address,
      keystore: '{"Crypto":{}}',
    });
  });

  it('renews an expired session with the device key alone, without the wallet', async () => {
    const alice: Person = await signedInPerson(relay.url, 'alice');
    const bob: Person = await signedInPerson(relay.url, 'bob');
    engines.push(bob.engine);
    const dm = await alice.engine.createDM(bob.address);
    await roundTrip(alice.engine, bob.engine, dm, 'before');
    await alice.engine.stop();

    // The stored session has expired.
    const db = newEngine(relay.url, alice.browser).db;
    await db.account.update('me', { sessionExpiresAt: 1 });
    db.close();
    const signatures = alice.wallet.signatures;
    const restarted = newEngine(relay.url, alice.browser, {}, 'alice-again');
    engines.push(restarted);
    await restarted.start();
    await roundTrip(bob.engine, restarted, dm, 'after renewal');
    await roundTrip(restarted, bob.engine, dm, 'and back');
    expect(alice.wallet.signatures).toBe(signatures);
  });

  it('renews when the relay refuses the stored token', async () => {
    const alice: Person = await signedInPerson(relay.url, 'alice');
    const bob: Person = await signedInPerson(relay.url, 'bob');
    engines.push(bob.engine);
    const dm = await alice.engine.createDM(bob.address);
    await alice.engine.stop();

    // A token the relay does not know (revoked, or from another relay), with a future expiry.
    const db = newEngine(relay.url, alice.browser).db;
    const wrapper = await openKeyWrapper(db, crypto.subtle, (n) => crypto.getRandomValues(new Uint8Array(n)));
    const bogus = await wrapper.wrap(new TextEncoder().encode('x'.repeat(43)), TOKEN_PURPOSE);
    await db.account.update('me', { sessionToken: bogus, sessionExpiresAt: Date.now() + 3_600_000 });
    db.close();
    const signatures = alice.wallet.signatures;
    const restarted = newEngine(
      relay.url,
      alice.browser,
      { backoff: { baseMs: 20, capMs: 200 } },
      'alice-again',
    );
    engines.push(restarted);
    await restarted.start();
    await roundTrip(restarted, bob.engine, dm, 'after the relay said no');
    expect(alice.wallet.signatures).toBe(signatures);
  });
});
