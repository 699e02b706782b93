// Group epoch rotation without a membership change (conversations/group-rotation.ts): an admin
// rotates after 7 days or 10,000 messages in the epoch, and when a member links or revokes a
// device; a member who is not an admin never tries.
import { bytesToHex } from '@parley/crypto';
import { describe, expect, it } from 'vitest';
import { currentEpoch } from '../src/deps/crypto';
import type { OperationName } from '../src/deps/protocol';
import type { Engine } from '../src/engine';
import { newBrowser, newEngine, type Person, texts, waitFor } from './support/engines';
import { realTransport } from './support/raw-client';
import { RecordingTransport } from './support/recording-transport';
import { useRelayScene } from './support/relay-scene';
import { ShiftedClock } from './support/shifted-clock';
import { TestWallet } from './support/test-wallet';

const scene = useRelayScene();
const DAY = 24 * 60 * 60 * 1000;

/** Counts the mutations an engine sends, by operation. */
class OperationCount extends RecordingTransport {
  readonly requests: OperationName[] = [];

  override async request(operation: OperationName, variables?: Record<string, unknown>): Promise<unknown> {
    this.requests.push(operation);
    return super.request(operation, variables);
  }
}

async function personWith(name: string, extra: Parameters<typeof newEngine>[2], wallet = new TestWallet()) {
  const browser = newBrowser();
  const engine = newEngine(scene.url, browser, extra, name);
  await engine.start();
  const { deviceId } = await engine.signIn({ provider: wallet });
  const person: Person = { wallet, engine, browser, address: wallet.address, deviceId };
  return person;
}

async function epochOf(engine: Engine, group: string): Promise<number> {
  return (await engine.db.epochs.get(group))?.epoch ?? -1;
}

async function quiet(engine: Engine): Promise<void> {
  await engine.sync?.loop.settled();
  await engine.sync?.outbox.idle();
  await engine.sync?.rotation.settled();
}

describe('group rotation', () => {
  it('an admin rotates after 7 days and after 10,000 messages; a member never tries', async () => {
    const aliceClock = new ShiftedClock();
    const bobClock = new ShiftedClock();
    const bobTransport = new OperationCount(realTransport(scene.url));
    const alice = await personWith('alice', { clock: aliceClock });
    const bob = await personWith('bob', { clock: bobClock, transport: bobTransport });
    const carol = await scene.person('carol');
    const group = await alice.engine.createGroup('desk', [bob.address, carol.address]);
    await alice.engine.send(group, { type: 'text', body: 'hello' });
    for (const p of [bob, carol])
      await waitFor(async () => (await texts(p.engine, group)).includes('hello'), 'everyone to read hello');
    const first = await epochOf(alice.engine, group);
    await quiet(alice.engine);
    await quiet(bob.engine);
    expect(await epochOf(alice.engine, group)).toBe(first);

    // A week passes on Alice's and Bob's devices (Bob is a member, not an admin).
    aliceClock.advance(7 * DAY + 60 * 60_000);
    bobClock.advance(7 * DAY + 60 * 60_000);
    await waitFor(async () => (await epochOf(alice.engine, group)) === first + 1, 'Alice to rotate');
    await alice.engine.send(group, { type: 'text', body: 'a week later' });
    for (const p of [bob, carol])
      await waitFor(
        async () => (await texts(p.engine, group)).includes('a week later'),
        'everyone to read on',
      );
    expect(await epochOf(bob.engine, group)).toBe(first + 1);
    await quiet(bob.engine);
    expect(bobTransport.requests).not.toContain('groupControl');

    // 10,000 messages in the epoch (as Alice's device counted them) make it due as well.
    await quiet(alice.engine);
    await alice.engine.stop();
    const row = await alice.engine.db.open().then(() => alice.engine.db.epochs.get(group));
    if (!row) throw new Error('Alice holds no group session');
    currentEpoch(row.session).messageCount = 10_000;
    await alice.engine.db.epochs.put(row);
    alice.engine.db.close();
    const again = newEngine(scene.url, alice.browser, { clock: aliceClock }, 'alice-again');
    await again.start();
    try {
      await waitFor(async () => (await epochOf(again, group)) === first + 2, 'Alice to rotate again');
      await again.send(group, { type: 'text', body: 'fresh epoch' });
      for (const p of [bob, carol])
        await waitFor(async () => (await texts(p.engine, group)).includes('fresh epoch'), 'everyone to read');
      await quiet(bob.engine);
      expect(bobTransport.requests).not.toContain('groupControl');
    } finally {
      await again.stop();
      await bob.engine.stop();
    }
  });

  it('a linked device gets the next epoch and reads on; a revoked one is left out', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const group = await alice.engine.createGroup('desk', [bob.address]);
    await alice.engine.send(group, { type: 'text', body: 'one' });
    await waitFor(async () => (await texts(bob.engine, group)).includes('one'), 'Bob to read one');
    const first = await epochOf(alice.engine, group);
    const members = async () => {
      const row = await alice.engine.db.epochs.get(group);
      return row ? currentEpoch(row.session).members.map((m) => bytesToHex(m.deviceId)) : [];
    };

    // Bob links his phone. Alice's device sees it when it next verifies Bob's log.
    const phone = await scene.person('bob-phone', bob.wallet);
    await alice.engine.sync?.identities.refresh(bob.address);
    await waitFor(
      async () => (await epochOf(alice.engine, group)) === first + 1,
      'Alice to rotate for the phone',
    );
    expect(await members()).toContain(phone.deviceId);
    await alice.engine.send(group, { type: 'text', body: 'two' });
    await waitFor(async () => (await texts(phone.engine, group)).includes('two'), "Bob's phone to read two");
    await waitFor(async () => (await texts(bob.engine, group)).includes('two'), 'Bob to read two');

    // Bob revokes the phone: the next epoch is not sealed to it.
    await bob.engine.revokeDevice(phone.deviceId, bob.wallet);
    await alice.engine.sync?.identities.refresh(bob.address);
    await waitFor(async () => (await epochOf(alice.engine, group)) === first + 2, 'Alice to rotate it out');
    expect(await members()).not.toContain(phone.deviceId);
    expect(await members()).toContain(bob.deviceId);
    await alice.engine.send(group, { type: 'text', body: 'three' });
    await waitFor(async () => (await texts(bob.engine, group)).includes('three'), 'Bob to read three');
  });
});
