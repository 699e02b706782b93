import { bytesToHex } from '@parley/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../src/deps/protocol';
import type { Engine } from '../src/engine';
import { newBrowser, newEngine, type Person, signedInPerson, texts, waitFor } from './support/engines';
import { rawClient, realTransport } from './support/raw-client';
import { RecordingTransport } from './support/recording-transport';
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

async function unverified(engine: Engine, conversationId: string) {
  const rows = await engine.db.messages.where('conversationId').equals(conversationId).toArray();
  return rows.filter((r) => r.status === 'unverified').map((r) => r.reason);
}

const randomId = () => bytesToHex(crypto.getRandomValues(new Uint8Array(16)));

describe('envelopes that do not verify', () => {
  it('a tampered and a replayed envelope are kept as "could not verify" and the sync goes on', async () => {
    const alice: Person = await signedInPerson(relay.url, 'alice');
    engines.push(alice.engine);
    const bobWallet = new TestWallet();
    const recorder = new RecordingTransport(realTransport(relay.url));
    const bob = newEngine(relay.url, newBrowser(), { transport: recorder }, 'bob');
    engines.push(bob);
    await bob.start();
    const { deviceId: bobDevice } = await bob.signIn({ provider: bobWallet });

    const dm = await alice.engine.createDM(bobWallet.address);
    await alice.engine.send(dm, { type: 'text', body: 'original' });
    await waitFor(async () => (await texts(bob, dm)).includes('original'), 'Bob to get the original');
    const captured = recorder.envelopes.find(
      (e) => e.conversationId === dm && e.senderAddress === alice.address,
    );
    if (!captured) throw new Error('no envelope recorded');

    // Anyone holding a session for Alice's device pushes the same sealed bytes again. The relay
    // stores it under a new client id: it cannot tell.
    const raw = await rawClient(relay.url, alice.wallet, alice.deviceId);
    await raw.api.send([
      { conversationId: dm, clientId: randomId(), body: captured.body, recipientDevice: bobDevice },
    ]);
    await raw.close();
    await waitFor(async () => (await unverified(bob, dm)).length === 1, 'the replay to arrive');

    // A hostile relay flips one ciphertext byte of the next message on its way to Bob.
    recorder.rewrite = (e) => {
      if (e.senderAddress !== alice.address) return undefined;
      const bytes = decodeBase64url(e.body, 64 * 1024);
      bytes[bytes.length - 8] = (bytes[bytes.length - 8] ?? 0) ^ 0x01;
      return encodeBase64url(bytes);
    };
    await alice.engine.send(dm, { type: 'text', body: 'tampered in transit' });
    await waitFor(async () => (await unverified(bob, dm)).length === 2, 'the tampered one to arrive');
    recorder.rewrite = undefined;

    await alice.engine.send(dm, { type: 'text', body: 'still flowing' });
    await waitFor(
      async () => (await texts(bob, dm)).includes('still flowing'),
      'Bob to get the next message',
    );
    expect(await texts(bob, dm)).toEqual(['original', 'still flowing']);
    const reasons = await unverified(bob, dm);
    expect(reasons).toHaveLength(2);
    expect(reasons).toContain('could not verify (replay)');
    expect(reasons).toContain('could not verify (bad_mac)');
  });

  it('a message from a device revoked before it arrived is kept as "could not verify"', async () => {
    const alice: Person = await signedInPerson(relay.url, 'alice');
    const bob: Person = await signedInPerson(relay.url, 'bob');
    const phone: Person = await signedInPerson(relay.url, 'alice-phone', alice.wallet);
    engines.push(alice.engine);
    const dm = await alice.engine.createDM(bob.address);
    await alice.engine.send(dm, { type: 'text', body: 'hello' });
    await waitFor(async () => (await texts(bob.engine, dm)).includes('hello'), 'Bob to get hello');
    await waitFor(
      async () => (await phone.engine.db.conversations.get(dm)) !== undefined,
      'the phone to know the DM',
    );

    await bob.engine.stop();
    await phone.engine.send(dm, { type: 'text', body: 'from the phone' });
    await waitFor(async () => (await phone.engine.db.outbox.count()) === 0, 'the phone to send');
    await phone.engine.stop();
    await alice.engine.revokeDevice(phone.deviceId, alice.wallet);
    await alice.engine.send(dm, { type: 'text', body: 'after the revocation' });

    const again = newEngine(relay.url, bob.browser, {}, 'bob-again');
    engines.push(again);
    await again.start();
    await waitFor(async () => (await texts(again, dm)).includes('after the revocation'), 'Bob to catch up');
    expect(await texts(again, dm)).toEqual(['hello', 'after the revocation']);
    expect(await unverified(again, dm)).toEqual(['could not verify (revoked)']);
  });
});
