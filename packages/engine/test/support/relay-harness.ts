// Starts the real relay for engine tests: in-process on a free port with an in-memory PGlite
// (fast), or as a child process (`node --import tsx relay/src/main.ts`) with PORT and DATA_DIR,
// for the tests that kill and restart it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../../../relay/src/clock';
import { defaultRelayConfig, type RelayConfig } from '../../../../relay/src/config';
import { createLogger } from '../../../../relay/src/logger';
import { createMemoryPubSub } from '../../../../relay/src/pubsub/memory-pubsub';
import { createRelay } from '../../../../relay/src/relay';
import { openPgliteDb } from '../../../../relay/src/store/pglite-db';
import type { SqlQueryable } from '../../../../relay/src/store/sql-db';
import { createSqlStore } from '../../../../relay/src/store/sql-store';

export interface RunningRelay {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  readonly port: number;
  /** The relay's own database, for tests that check what it stores. */
  readonly sql: SqlQueryable;
  close(): Promise<void>;
}

/** Generous rate limits: the tests and the bench send far more than one person would. */
export const TEST_RATE_LIMITS = { walletPerMinute: 100_000, ipPerMinute: 100_000, connectionPer10s: 100_000 };

export async function startRelay(overrides: Partial<RelayConfig> = {}): Promise<RunningRelay> {
  const sql = await openPgliteDb(undefined);
  const store = await createSqlStore(sql);
  const pubsub = createMemoryPubSub();
  const config = defaultRelayConfig(0, { rateLimits: TEST_RATE_LIMITS, ...overrides });
  const relay = createRelay({ store, pubsub, clock: systemClock, logger: createLogger('silent'), config });
  const { port } = await relay.listen(0);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    sql,
    async close() {
      await relay.close(100);
      await pubsub.close();
      await store.close();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface RelayProcess {
  readonly port: number;
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL: no graceful shutdown, like a crash. */
  kill(): Promise<void>;
}

/** Spawns the relay as its own process on `port` with its PGlite data in `dataDir`. */
export async function spawnRelay(port: number, dataDir: string): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      RATE_WALLET_PER_MINUTE: '100000',
      RATE_IP_PER_MINUTE: '100000',
      RATE_CONNECTION_PER_10S: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${output.slice(-2000)}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('"listening"') || output.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}: ${output.slice(-2000)}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
