import { createSuite, isCryptoError } from '@parley/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGroupMessage } from '../src/deps/crypto';
import { decodeBase64url } from '../src/deps/protocol';
import { newBrowser, newEngine, type Person, signedInPerson, texts, waitFor } from './support/engines';
import { realTransport } from './support/raw-client';
import { RecordingTransport } from './support/recording-transport';
import { type RunningRelay, startRelay } from './support/relay-harness';
import { TestWallet } from './support/test-wallet';

let relay: RunningRelay;
const people: Person[] = [];

beforeAll(async () => {
  relay = await startRelay();
}, 60_000);

afterAll(async () => {
  for (const p of people) await p.engine.stop();
  await relay?.close();
});

describe('groups', () => {
  it('three members exchange messages; a removed member reads nothing sent after', async () => {
    const alice = await signedInPerson(relay.url, 'alice');
    // Bob's engine keeps a copy of every envelope it gets, so the test can show them to Carol.
    const recorder = new RecordingTransport(realTransport(relay.url));
    const bobWallet = new TestWallet();
    const bobBrowser = newBrowser();
    const bobEngine = newEngine(relay.url, bobBrowser, { transport: recorder }, 'bob');
    await bobEngine.start();
    const bobDevice = (await bobEngine.signIn({ provider: bobWallet })).deviceId;
    const bob: Person = {
      wallet: bobWallet,
      engine: bobEngine,
      browser: bobBrowser,
      address: bobWallet.address,
      deviceId: bobDevice,
    };
    const carol = await signedInPerson(relay.url, 'carol');
    people.push(alice, bob, carol);

    const group = await alice.engine.createGroup('traders', [bob.address, carol.address]);
    await alice.engine.send(group, { type: 'text', body: 'welcome' });
    await waitFor(async () => (await texts(bob.engine, group)).includes('welcome'), 'Bob to get welcome');
    await waitFor(async () => (await texts(carol.engine, group)).includes('welcome'), 'Carol to get welcome');
    expect((await bob.engine.db.conversations.get(group))?.verifiedMembers).toEqual({
      [alice.address]: 'admin',
      [bob.address]: 'member',
      [carol.address]: 'member',
    });

    await bob.engine.send(group, { type: 'text', body: 'from bob' });
    await carol.engine.send(group, { type: 'text', body: 'from carol' });
    for (const p of [alice, bob, carol]) {
      await waitFor(async () => (await texts(p.engine, group)).length === 3, 'three messages everywhere');
    }

    // Carol's group key material as it was before the removal (a copy she could have kept).
    const carolsKeys = (await carol.engine.db.epochs.get(group))?.session;
    expect(carolsKeys).toBeDefined();
    await alice.engine.removeMembers(group, [carol.address]);
    await waitFor(
      async () => (await carol.engine.db.conversations.get(group))?.active === false,
      'Carol to see she was removed',
    );
    // Count from here: receipts Alice sealed while the removal was still in flight belong to the
    // old epoch, which Carol was entitled to read.
    const recordedBefore = recorder.envelopes.length;
    await alice.engine.send(group, { type: 'text', body: 'after carol left' });
    await waitFor(
      async () => (await texts(bob.engine, group)).includes('after carol left'),
      'Bob to read on',
    );
    await bob.engine.sync?.loop.settled();
    await carol.engine.sync?.loop.settled();
    expect(await texts(carol.engine, group)).not.toContain('after carol left');
    // Carol's device no longer holds any key for the group...
    expect(await carol.engine.db.epochs.get(group)).toBeUndefined();
    // ...and the keys she had before cannot open what was sent after: the epoch was rotated.
    const after = recorder.envelopes
      .slice(recordedBefore)
      .filter((e) => e.conversationId === group && e.senderAddress === alice.address);
    expect(after.length).toBeGreaterThan(0);
    const suite = await createSuite();
    for (const e of after) {
      if (!carolsKeys) break;
      const error = await openGroupMessage(suite, carolsKeys, decodeBase64url(e.body, 64 * 1024)).catch(
        (x: unknown) => x,
      );
      expect(isCryptoError(error) ? error.kind : error).toBe('wrong_epoch');
    }
  });
});
