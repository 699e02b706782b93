import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEngine, type Person, signedInPerson, texts, waitFor } from './support/engines';
import { type RunningRelay, startRelay } from './support/relay-harness';

let relay: RunningRelay;
const stopLater: Array<{ stop(): Promise<void> }> = [];

beforeAll(async () => {
  relay = await startRelay();
}, 60_000);

afterAll(async () => {
  for (const e of stopLater) await e.stop();
  await relay?.close();
});

describe('sync after being offline', () => {
  it('Bob gets all 500 messages sent while his engine was stopped, in order, once each', async () => {
    const alice: Person = await signedInPerson(relay.url, 'alice');
    const bob: Person = await signedInPerson(relay.url, 'bob');
    stopLater.push(alice.engine);
    const dm = await alice.engine.createDM(bob.address);
    await alice.engine.send(dm, { type: 'text', body: 'before' });
    await waitFor(async () => (await texts(bob.engine, dm)).includes('before'), 'Bob to get the first one');
    await bob.engine.stop();

    const sent: string[] = [];
    for (let i = 0; i < 500; i++) sent.push(`message ${i}`);
    const t0 = Date.now();
    for (const body of sent) await alice.engine.send(dm, { type: 'text', body });
    console.log('enqueued', Date.now() - t0);
    await waitFor(async () => (await alice.engine.db.outbox.count()) === 0, 'Alice to send all 500', 120_000);

    // The same browser profile (database, locks) starts a new engine: no wallet prompt.
    const signaturesBefore = bob.wallet.signatures;
    const again = newEngine(relay.url, bob.browser, {}, 'bob-again');
    stopLater.push(again);
    const progress: number[] = [];
    again.on('sync', (p) => {
      if (!('total' in p)) return;
      console.log('progress', p.done, Date.now() - t0);
      progress.push(p.done);
    });
    console.log('sent', Date.now() - t0);
    await again.start();
    await waitFor(async () => (await texts(again, dm)).length === 501, 'Bob to catch up', 120_000);
    await again.sync?.loop.settled();
    console.log('caught up', Date.now() - t0);

    const rows = await again.db.messages.where('conversationId').equals(dm).toArray();
    const bodies = await texts(again, dm);
    expect(bodies).toEqual(['before', ...sent]);
    expect(rows.filter((r) => r.status === 'unverified')).toEqual([]);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length);
    expect(bob.wallet.signatures).toBe(signaturesBefore);
    expect(progress.length).toBeGreaterThan(0);
  }, 240_000);
});
