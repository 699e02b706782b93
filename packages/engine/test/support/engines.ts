// Building engines for integration tests: each simulated browser gets its own IndexedDB factory
// (fake-indexeddb) and its own in-process lock manager; two "tabs" of one browser share both.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { WebSocket } from 'ws';
import { Engine } from '../../src/engine';
import type { EngineOptions } from '../../src/engine-options';
import type { Logger } from '../../src/ports/logger';
import type { MessageRow } from '../../src/store/schema';
import { InProcessLockManager } from './in-process-lock-manager';
import { TestWallet } from './test-wallet';

export interface Browser {
  readonly indexedDB: IDBFactory;
  readonly locks: InProcessLockManager;
}

export function newBrowser(): Browser {
  return { indexedDB: new IDBFactory(), locks: new InProcessLockManager() };
}

/** Logs warnings and errors to the console when PARLEY_TEST_LOG is set. */
export function testLogger(name: string): Logger {
  const on = process.env.PARLEY_TEST_LOG !== undefined;
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    if (on) console.log(`[${name}] ${level} ${msg}`, fields ?? '');
  };
  return { debug: () => undefined, info: log('info'), warn: log('warn'), error: log('error') };
}

export function newEngine(
  url: string,
  browser: Browser = newBrowser(),
  extra: Partial<EngineOptions> = {},
  name = 'engine',
): Engine {
  return new Engine({
    relayUrl: url,
    webSocketImpl: WebSocket,
    indexedDB: browser.indexedDB,
    IDBKeyRange,
    locks: browser.locks,
    logger: testLogger(name),
    ...extra,
  });
}

/** Polls until `check` is true (a deadline, not a timing assertion). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface Person {
  readonly wallet: TestWallet;
  readonly engine: Engine;
  readonly browser: Browser;
  readonly address: string;
  deviceId: string;
}

export async function signedInPerson(
  url: string,
  name: string,
  wallet: TestWallet = new TestWallet(),
  browser = newBrowser(),
): Promise<Person> {
  const engine = newEngine(url, browser, {}, name);
  await engine.start();
  const { deviceId } = await engine.signIn({ provider: wallet });
  return { wallet, engine, browser, address: wallet.address, deviceId };
}

/** Text bodies of the visible messages of a conversation, in relay order. */
export async function texts(engine: Engine, conversationId: string): Promise<string[]> {
  const rows = await engine.db.messages
    .where('[conversationId+seq]')
    .between([conversationId, 0], [conversationId, Number.MAX_SAFE_INTEGER])
    .toArray();
  return rows.flatMap((m: MessageRow) => bodyOf(m));
}

export function bodyOf(m: MessageRow): string[] {
  const c = m.content;
  return typeof c === 'object' && c !== null && 'body' in c && typeof c.body === 'string' ? [c.body] : [];
}
