// Test double for the network: a TCP proxy in front of the relay. `onServerData` sees each chunk
// the relay sends to the client and may swallow it (return false), which lets a test kill the
// relay exactly between storing an envelope and the client hearing the acknowledgement.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  readonly port: number;
  onServerData: ((chunk: Buffer) => boolean) | undefined;
  /** Drops every open connection (both sides). */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, listenPort = 0): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const proxy: TcpProxy = {
    port: 0,
    onServerData: undefined,
    dropAll() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.dropAll();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (proxy.onServerData && !proxy.onServerData(chunk)) return;
      client.write(chunk);
    });
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve()));
  const address = server.address();
  return Object.assign(proxy, { port: typeof address === 'object' && address !== null ? address.port : 0 });
}
