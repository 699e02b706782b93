// Reactions, edits and deletes that reach a device before the message they act on
// (sync/pending-effects.ts) are kept and applied when the target comes, in seq order; an edit or
// delete still counts only from the account that sent the target.
import { describe, expect, it } from 'vitest';
import type { OperationName } from '../src/deps/protocol';
import type { Engine } from '../src/engine';
import { bodyOf, newEngine, texts, waitFor } from './support/engines';
import { realTransport } from './support/raw-client';
import { RecordingTransport } from './support/recording-transport';
import { useRelayScene } from './support/relay-scene';

const scene = useRelayScene();

/** Leaves one client id out of every catch-up page: it comes later, through a gap fetch. */
class WithholdingTransport extends RecordingTransport {
  constructor(private readonly withheld: string) {
    super(realTransport(scene.url));
  }

  /** True once a history (gap) page brought the withheld envelope. */
  cameLate = false;

  override async request(operation: OperationName, variables?: Record<string, unknown>): Promise<unknown> {
    const data = await super.request(operation, variables);
    if (operation === 'history' && JSON.stringify(data).includes(this.withheld)) this.cameLate = true;
    if (operation !== 'catchUp' || typeof data !== 'object' || data === null || !('catchUp' in data))
      return data;
    const page = data.catchUp;
    if (typeof page !== 'object' || page === null || !('items' in page) || !Array.isArray(page.items))
      return data;
    const items: unknown[] = page.items;
    return {
      catchUp: {
        ...page,
        items: items.filter(
          (e) => !(typeof e === 'object' && e !== null && 'clientId' in e && e.clientId === this.withheld),
        ),
      },
    };
  }
}

async function message(engine: Engine, clientId: string) {
  return engine.db.messages.get(clientId);
}

describe('effects before their target', () => {
  it('applies edits, deletes and reactions that come in the same catch-up page as their targets', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const dm = await alice.engine.createDM(bob.address);
    await alice.engine.send(dm, { type: 'text', body: 'hi' });
    await waitFor(async () => (await texts(bob.engine, dm)).includes('hi'), 'Bob to read hi');
    await bob.engine.stop();

    const kept = await alice.engine.send(dm, { type: 'text', body: 'draft' });
    const gone = await alice.engine.send(dm, { type: 'text', body: 'oops' });
    const ref = (clientId: string) => ({ senderDevice: alice.deviceId, clientId });
    await alice.engine.send(dm, { type: 'edit', body: 'final', to: ref(kept) });
    await alice.engine.send(dm, { type: 'delete', to: ref(gone) });
    await alice.engine.send(dm, { type: 'reaction', emoji: '👍', to: ref(kept) });
    await waitFor(async () => (await alice.engine.db.outbox.count()) === 0, 'Alice to send everything');

    const again = newEngine(scene.url, bob.browser, {}, 'bob-again');
    await again.start();
    try {
      await waitFor(async () => (await message(again, kept))?.reactions !== undefined, 'the reaction');
      const edited = await message(again, kept);
      expect(edited ? bodyOf(edited) : []).toEqual(['final']);
      expect(edited?.editedAt).toBeGreaterThan(0);
      expect(edited?.reactions).toEqual({ '👍': [alice.address] });
      expect((await message(again, gone))?.deleted).toBe(true);
      expect(await again.db.pendingEffects.count()).toBe(0);
    } finally {
      await again.stop();
    }
  });

  it('keeps effects that come before a target fetched later, and ignores an edit by someone else', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const carol = await scene.person('carol');
    const group = await alice.engine.createGroup('desk', [bob.address, carol.address]);
    await alice.engine.send(group, { type: 'text', body: 'welcome' });
    for (const p of [bob, carol])
      await waitFor(async () => (await texts(p.engine, group)).includes('welcome'), 'everyone to read');
    await carol.engine.stop();

    const target = await alice.engine.send(group, { type: 'text', body: 'original' });
    await waitFor(async () => (await texts(bob.engine, group)).includes('original'), 'Bob to read it');
    const to = { senderDevice: alice.deviceId, clientId: target };
    await alice.engine.send(group, { type: 'edit', body: 'edited by alice', to });
    await waitFor(async () => (await alice.engine.db.outbox.count()) === 0, 'Alice to send');
    // Bob may react, but an edit of Alice's message from Bob's account does not count, even
    // though it is the last one.
    await bob.engine.send(group, { type: 'edit', body: 'forged by bob', to });
    await bob.engine.send(group, { type: 'reaction', emoji: '👀', to });
    await waitFor(async () => (await bob.engine.db.outbox.count()) === 0, 'Bob to send');

    // Carol's catch-up brings the three effects but not their target; a gap fetch brings it after.
    const transport = new WithholdingTransport(target);
    const again = newEngine(scene.url, carol.browser, { transport }, 'carol-again');
    await again.start();
    try {
      await waitFor(async () => (await message(again, target)) !== undefined, 'the target to come');
      await waitFor(async () => (await again.db.pendingEffects.count()) === 0, 'the kept effects to apply');
      const row = await message(again, target);
      expect(row ? bodyOf(row) : []).toEqual(['edited by alice']);
      expect(row?.reactions).toEqual({ '👀': [bob.address] });
      // The target really came after its effects: through a history (gap) fetch, not catch-up.
      expect(transport.cameLate).toBe(true);
    } finally {
      await again.stop();
    }
  });
});
