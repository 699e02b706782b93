// Limits and abuse, each refusal with its documented kind or close code (docs/relay.md).
import { randomBytes } from 'node:crypto';
import { PROTOCOL_VERSION } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { gqlRaw, op, subscribeEvents, wsClient } from './helpers/client';
import { type Harness, startRelay } from './helpers/harness';
import { newIdentity } from './helpers/identity';

let h: Harness;
beforeAll(async () => {
  h = await startRelay({
    connectionInitTimeoutMs: 300,
    maxSubscriptionsPerConnection: 2,
    rateLimits: { walletPerMinute: 10_000, ipPerMinute: 10_000, connectionPer10s: 30 },
  });
});
afterAll(async () => {
  await h.close();
});

/** Opens a raw graphql-transport-ws socket and resolves with how it closed. */
function rawSocket(headers: Record<string, string> = {}) {
  const ws = new WebSocket(h.wsUrl, 'graphql-transport-ws', { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
  const messages: Array<Record<string, unknown>> = [];
  ws.on('message', (d) => messages.push(JSON.parse(String(d))));
  return { ws, closed, opened, messages };
}

async function signedInSocket(token: string) {
  const s = rawSocket();
  await s.opened;
  s.ws.send(JSON.stringify({ type: 'connection_init', payload: { token } }));
  while (!s.messages.some((m) => m.type === 'connection_ack')) await new Promise((r) => setTimeout(r, 20));
  return s;
}

/** Introspection is the schema's one recursive path: `ofType` nests `depth` levels deep. */
const deepQuery = (depth: number) =>
  `{ __schema { types { fields { type { ${'ofType { '.repeat(depth)}name${' }'.repeat(depth)} } } } } }`;

describe('WebSocket limits', () => {
  it('closes a connection that sends a frame over 64 KiB with 1009', async () => {
    const id = await newIdentity(h.url);
    const s = await signedInSocket(id.token);
    s.ws.send('x'.repeat(64 * 1024 + 1));
    expect((await s.closed).code).toBe(1009);
  });

  it('closes a connection that never sends connection_init with 4408', async () => {
    const s = rawSocket();
    await s.opened;
    expect((await s.closed).code).toBe(4408);
  });

  it('closes connection_init without a valid token with 4401', async () => {
    const s = rawSocket();
    await s.opened;
    s.ws.send(JSON.stringify({ type: 'connection_init', payload: { token: 'x'.repeat(43) } }));
    const closed = await s.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/^unauthenticated:/);
  });

  it('refuses an upgrade from an origin not on the allowlist with 403', async () => {
    const s = rawSocket({ origin: 'https://evil.example' });
    await expect(s.opened).rejects.toThrow(/403/);
  });

  it('closes a flooding connection with 4429', async () => {
    const id = await newIdentity(h.url);
    const s = await signedInSocket(id.token);
    for (let i = 0; i < 100; i++) s.ws.send(JSON.stringify({ type: 'ping' }));
    const closed = await s.closed;
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/^rate_limited:/);
  });

  it('refuses a deep query on the socket with kind too_large', async () => {
    const id = await newIdentity(h.url);
    const s = await signedInSocket(id.token);
    s.ws.send(JSON.stringify({ id: 'q1', type: 'subscribe', payload: { query: deepQuery(10) } }));
    while (!s.messages.some((m) => m.id === 'q1')) await new Promise((r) => setTimeout(r, 20));
    const reply = s.messages.find((m) => m.id === 'q1');
    expect(reply?.type).toBe('error');
    expect(JSON.stringify(reply?.payload)).toContain('"kind":"too_large"');
    s.ws.close();
  });

  it('caps subscriptions per connection', async () => {
    const id = await newIdentity(h.url);
    const client = wsClient(h.wsUrl, id.token);
    const subs = [subscribeEvents(client), subscribeEvents(client), subscribeEvents(client)];
    try {
      await subs[2]?.until(() => (subs[2]?.errors.length ?? 0) > 0);
      expect(JSON.stringify(subs[2]?.errors)).toContain('"kind":"too_large"');
      expect(subs[0]?.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});

describe('HTTP limits', () => {
  it('refuses a deep query, too many aliases, too many tokens and a batch', async () => {
    const deep = await gqlRaw(h.url, deepQuery(10));
    expect(deep.errors?.[0]?.extensions?.kind).toBe('too_large');
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: me { address }`).join(' ');
    expect((await gqlRaw(h.url, `{ ${aliases} }`)).errors?.[0]?.extensions?.kind).toBe('too_large');
    const tokens = `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`;
    expect((await gqlRaw(h.url, tokens)).errors?.[0]?.extensions?.kind).toBe('too_large');
    const two = await gqlRaw(h.url, 'query A { me { address } } query B { me { address } }');
    expect(two.errors?.[0]?.extensions?.kind).toBe('bad_request');
    const batch = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: op.me }, { query: op.me }]),
    });
    expect(batch.status).toBe(400);
  });

  it('refuses a body over the cap with 413 and kind too_large', async () => {
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: op.me, variables: { pad: 'x'.repeat(70 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toContain('"kind":"too_large"');
  });

  it('refuses a browser origin not on the allowlist', async () => {
    const r = await gqlRaw(h.url, op.me, {}, undefined, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.errors?.[0]?.extensions?.kind).toBe('forbidden');
  });
});

describe('rate limits', () => {
  it('refuses a flood from one IP with rate_limited and retryAfterMs', async () => {
    const strict = await startRelay({
      rateLimits: { walletPerMinute: 1000, ipPerMinute: 5, connectionPer10s: 100 },
    });
    try {
      const results = [];
      for (let i = 0; i < 8; i++) results.push(await gqlRaw(strict.url, op.me));
      const limited = results.filter((r) => r.status === 429);
      expect(limited.length).toBe(3);
      expect(limited[0]?.errors?.[0]?.extensions?.kind).toBe('rate_limited');
      expect(limited[0]?.errors?.[0]?.extensions?.retryAfterMs).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });
});

describe('health', () => {
  it('serves /healthz and 404s unknown paths', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(await res.json()).toEqual({
      ok: true,
      protocolVersion: PROTOCOL_VERSION,
      pubsub: 'memory',
      degraded: false,
    });
    expect((await fetch(`${h.url}/nope`)).status).toBe(404);
    expect(randomBytes(1).length).toBe(1);
  });
});
