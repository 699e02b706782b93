// A bare relay client for tests that play a hostile sender: signed in with SIWE for a wallet and
// a device id, it can send any bytes the relay accepts.
import { WebSocket } from 'ws';
import { systemClock } from '../../src/ports/clock';
import { silentLogger } from '../../src/ports/logger';
import { createGraphqlTransport } from '../../src/transport/graphql-transport';
import { RelayApi } from '../../src/transport/relay-api';
import type { TestWallet } from './test-wallet';

export async function rawClient(
  url: string,
  wallet: TestWallet,
  deviceId: string,
): Promise<{ api: RelayApi; close(): Promise<void> }> {
  const transport = createGraphqlTransport({
    url,
    webSocketImpl: WebSocket,
    clock: systemClock,
    logger: silentLogger,
    generateId: () => crypto.randomUUID(),
  });
  const api = new RelayApi(transport);
  const { message } = await api.challenge(wallet.address, deviceId);
  const session = await api.signIn(message, await wallet.wallet.signMessage(message));
  transport.setToken(session.token);
  return { api, close: () => transport.close() };
}

export function realTransport(url: string) {
  return createGraphqlTransport({
    url,
    webSocketImpl: WebSocket,
    clock: systemClock,
    logger: silentLogger,
    generateId: () => crypto.randomUUID(),
  });
}
