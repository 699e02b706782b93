import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { silentLogger } from '../src/ports/logger';
import { createGraphqlTransport, IDLE_CLOSE_MS } from '../src/transport/graphql-transport';
import { RelayApi } from '../src/transport/relay-api';
import type { TransportStatus } from '../src/transport/transport';
import { waitFor } from './support/engines';
import { ManualClock } from './support/manual-clock';
import { type RunningRelay, startRelay } from './support/relay-harness';
import { TestWallet } from './support/test-wallet';

let relay: RunningRelay;

beforeAll(async () => {
  relay = await startRelay();
}, 60_000);

afterAll(async () => {
  await relay?.close();
});

async function signedIn(clock: ManualClock) {
  const transport = createGraphqlTransport({
    url: relay.url,
    webSocketImpl: WebSocket,
    clock,
    logger: silentLogger,
    generateId: () => crypto.randomUUID(),
  });
  const api = new RelayApi(transport);
  const wallet = new TestWallet();
  const deviceId = '22'.repeat(16);
  const { message } = await api.challenge(wallet.address, deviceId);
  transport.setToken((await api.signIn(message, await wallet.wallet.signMessage(message))).token);
  const states: TransportStatus['state'][] = [];
  transport.onStatus((s) => states.push(s.state));
  return { transport, api, states, wallet };
}

describe('the socket', () => {
  it('closes after five idle minutes with nothing subscribed, and reopens on demand', async () => {
    const clock = new ManualClock();
    const { transport, api, states } = await signedIn(clock);
    await api.me();
    expect(states).toContain('connected');
    clock.advance(IDLE_CLOSE_MS - 1);
    expect(states).not.toContain('idle');
    clock.advance(1);
    expect(states.at(-1)).toBe('idle');

    states.length = 0;
    expect((await api.me()).deviceId).toBe('22'.repeat(16));
    expect(states).toEqual(['connecting', 'connected']);
    await transport.close();
  });

  it('stays open while a subscription is open', async () => {
    const clock = new ManualClock();
    const { transport, api, states } = await signedIn(clock);
    const stop = api.events({ next: () => undefined, error: () => undefined, complete: () => undefined });
    await api.me();
    clock.advance(IDLE_CLOSE_MS * 3);
    expect(states).not.toContain('idle');
    expect(transport.openOperations).toBe(1);
    stop();
    expect(transport.openOperations).toBe(0);
    clock.advance(IDLE_CLOSE_MS);
    expect(states.at(-1)).toBe('idle');
    await transport.close();
  });

  it('leaks no operation over 1,000 subscribe and unsubscribe cycles', async () => {
    const clock = new ManualClock();
    const { transport, api } = await signedIn(clock);
    for (let i = 0; i < 1_000; i++) {
      const stop = api.events({ next: () => undefined, error: () => undefined, complete: () => undefined });
      if (i % 2 === 0) await Promise.resolve();
      stop();
      expect(transport.openOperations).toBe(0);
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(transport.openOperations).toBe(0);
    // Had the relay kept any of them, it would refuse these: it allows four operations at once per
    // connection (three subscriptions plus the request below).
    const received: number[] = [0, 0, 0];
    const failures: string[] = [];
    const stops = received.map((_, i) =>
      api.events({
        next: (e) => {
          if (e.__typename === 'MembershipEvent') received[i] = (received[i] ?? 0) + 1;
        },
        error: (e) => failures.push(e.kind),
        complete: () => undefined,
      }),
    );
    // The relay has no "subscribed" ack: let the subscriptions reach it first.
    await api.me();
    await new Promise((r) => setTimeout(r, 200));
    await api.createDm(new TestWallet().address);
    await waitFor(
      () => received.every((n) => n === 1) || failures.length > 0,
      'three subscriptions to hear the event',
      10_000,
    );
    expect(failures).toEqual([]);
    for (const stop of stops) stop();
    expect(transport.openOperations).toBe(0);
    await transport.close();
  });
});
