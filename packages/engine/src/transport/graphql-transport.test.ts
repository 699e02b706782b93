import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type RunningRelay, startRelay } from '../../test/support/relay-harness';
import { TestWallet } from '../../test/support/test-wallet';
import { ProtocolError } from '../deps/protocol';
import { systemClock } from '../ports/clock';
import { silentLogger } from '../ports/logger';
import { createGraphqlTransport } from './graphql-transport';
import { RelayApi } from './relay-api';

let relay: RunningRelay;
beforeAll(async () => {
  relay = await startRelay();
}, 60_000);
afterAll(async () => {
  await relay?.close();
});

function transport() {
  return createGraphqlTransport({
    url: relay.url,
    webSocketImpl: WebSocket,
    clock: systemClock,
    logger: silentLogger,
    generateId: () => crypto.randomUUID(),
  });
}

describe('graphql transport against the real relay', () => {
  it('signs in over HTTP and then queries over the socket', async () => {
    const t = transport();
    const api = new RelayApi(t);
    const wallet = new TestWallet();
    const deviceId = '11'.repeat(16);
    const challenge = await api.challenge(wallet.address, deviceId);
    expect(challenge.message).toContain(`urn:parley:device:${deviceId}`);
    const signature = await wallet.wallet.signMessage(challenge.message);
    const session = await api.signIn(challenge.message, signature);
    expect(session.address).toBe(wallet.address);
    t.setToken(session.token);
    const me = await api.me();
    expect(me).toMatchObject({ address: wallet.address, deviceId });
    expect(t.openOperations).toBe(0);
    await t.close();
  });

  it('maps a relay refusal to a ProtocolError with its kind', async () => {
    const t = transport();
    const api = new RelayApi(t);
    const error = await api.signIn('not a siwe message', `0x${'11'.repeat(65)}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ kind: 'bad_request' });
    await t.close();
  });
});
