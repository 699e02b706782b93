// Online status in DMs (sync/presence.ts) over the relay's ephemeral `presence` signal: peers see
// each other online in real time and offline, with a last-seen time, when one stops. With the
// online-status privacy setting off, a device sends no presence and shows nobody's (reciprocity).
import { describe, expect, it } from 'vitest';
import type { OperationName } from '../src/deps/protocol';
import type { PresenceView } from '../src/engine-api';
import { PREF_ONLINE_STATUS } from '../src/engine-options';
import type { OperationSink } from '../src/transport/transport';
import { newBrowser, newEngine, type Person, waitFor } from './support/engines';
import { realTransport } from './support/raw-client';
import { RecordingTransport } from './support/recording-transport';
import { useRelayScene } from './support/relay-scene';
import { TestWallet } from './support/test-wallet';

const scene = useRelayScene();

/** Keeps the signal mutations an engine sends and the signal events it receives. */
class SignalLog extends RecordingTransport {
  readonly sent: Array<{ kind: unknown; active: unknown }> = [];
  readonly received: Array<{ kind: unknown; fromAddress: unknown }> = [];

  override async request(operation: OperationName, variables?: Record<string, unknown>): Promise<unknown> {
    if (operation === 'signal') this.sent.push({ kind: variables?.kind, active: variables?.active });
    return super.request(operation, variables);
  }

  override subscribe(operation: OperationName, variables: Record<string, unknown>, sink: OperationSink) {
    return super.subscribe(operation, variables, {
      next: (data) => {
        const event = typeof data === 'object' && data !== null && 'events' in data ? data.events : undefined;
        if (typeof event === 'object' && event !== null && 'kind' in event && 'fromAddress' in event)
          this.received.push({ kind: event.kind, fromAddress: event.fromAddress });
        sink.next(data);
      },
      error: (e) => sink.error(e),
      complete: () => sink.complete(),
    });
  }
}

function watch(person: Person): PresenceView[] {
  const seen: PresenceView[] = [];
  person.engine.onPresence((p) => seen.push(p));
  return seen;
}

const latest = (seen: readonly PresenceView[], address: string) =>
  seen.filter((p) => p.address === address).at(-1);

describe('presence', () => {
  it('DM peers see each other online, and offline with a last-seen time when one stops', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const aliceSees = watch(alice);
    const bobSees = watch(bob);
    await alice.engine.createDM(bob.address);
    await waitFor(() => latest(aliceSees, bob.address)?.online === true, 'Alice to see Bob online');
    await waitFor(() => latest(bobSees, alice.address)?.online === true, 'Bob to see Alice online');

    const before = Date.now();
    await alice.engine.stop();
    await waitFor(() => latest(bobSees, alice.address)?.online === false, 'Bob to see Alice go offline');
    const last = latest(bobSees, alice.address);
    expect(last?.lastSeen).toBeGreaterThanOrEqual(before);
    // A listener registered later gets what is known now.
    const late: PresenceView[] = [];
    bob.engine.onPresence((p) => late.push(p));
    expect(late).toEqual([last]);
  });

  it('with online status off, a device sends none and shows none, until it is on again', async () => {
    const log = new SignalLog(realTransport(scene.url));
    const wallet = new TestWallet();
    const browser = newBrowser();
    const engine = newEngine(scene.url, browser, { transport: log }, 'carol');
    await engine.start();
    await engine.db.preferences.put({ key: PREF_ONLINE_STATUS, value: false });
    const { deviceId } = await engine.signIn({ provider: wallet });
    const carol: Person = { wallet, engine, browser, address: wallet.address, deviceId };
    const dave = await scene.person('dave');
    const carolSees = watch(carol);
    const daveSees = watch(dave);

    const dm = await dave.engine.createDM(carol.address);
    await waitFor(async () => (await carol.engine.db.conversations.get(dm)) !== undefined, 'Carol to join');
    // Dave says hello; it reaches Carol's device, which neither answers nor shows it.
    await waitFor(
      () => log.received.some((e) => e.kind === 'presence' && e.fromAddress === dave.address),
      "Dave's presence to reach Carol's device",
    );
    carol.engine.setTyping(dm, true);
    await waitFor(() => log.sent.some((s) => s.kind === 'typing'), 'Carol to send a typing signal');
    await new Promise((r) => setTimeout(r, 1_200));
    expect(log.sent.filter((s) => s.kind === 'presence')).toEqual([]);
    expect(carolSees).toEqual([]);
    expect(latest(daveSees, carol.address)).toBeUndefined();

    // On again: Carol announces herself, Dave answers, and each sees the other.
    await carol.engine.db.preferences.put({ key: PREF_ONLINE_STATUS, value: true });
    await waitFor(() => latest(daveSees, carol.address)?.online === true, 'Dave to see Carol');
    await waitFor(() => latest(carolSees, dave.address)?.online === true, 'Carol to see Dave');
    expect(log.sent.some((s) => s.kind === 'presence' && s.active === true)).toBe(true);

    // Off once more: what Carol knew is gone from her screen at once.
    await carol.engine.db.preferences.put({ key: PREF_ONLINE_STATUS, value: false });
    await waitFor(() => latest(carolSees, dave.address)?.online === false, 'Carol to stop showing Dave');
    expect(latest(carolSees, dave.address)).toEqual({ address: dave.address, online: false });
    await carol.engine.stop();
  });
});
