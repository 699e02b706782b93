// The HTTP side of the port: sealed blobs (content-addressed, capped) and the PWA's static files.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startRelay } from './helpers/harness';
import { newIdentity } from './helpers/identity';

const web = mkdtempSync(join(tmpdir(), 'parley-web-'));
mkdirSync(join(web, 'assets'));
writeFileSync(join(web, 'index.html'), '<!doctype html><title>Parley</title>');
writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');

let h: Harness;
beforeAll(async () => {
  h = await startRelay({ staticDir: web, maxBlobBytes: 4096 });
});
afterAll(async () => {
  await h.close();
  rmSync(web, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const put = (id: string, data: Uint8Array, token?: string) =>
  fetch(`${h.url}/blobs/${id}`, {
    method: 'PUT',
    body: new Blob([new Uint8Array(data)]),
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

describe('blobs', () => {
  it('stores a blob under its SHA-256 and serves the same bytes', async () => {
    const id = await newIdentity(h.url);
    const data = new Uint8Array(randomBytes(3000));
    const res = await put(sha(data), data, id.token);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: sha(data), size: 3000 });
    const got = await fetch(`${h.url}/blobs/${sha(data)}`, {
      headers: { authorization: `Bearer ${id.token}` },
    });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(data);
  });

  it('refuses a wrong hash, an oversized blob, a missing session and an unknown id', async () => {
    const id = await newIdentity(h.url);
    const data = new Uint8Array(randomBytes(100));
    const wrong = await put(sha(new Uint8Array(1)), data, id.token);
    expect([wrong.status, JSON.stringify(await wrong.json())]).toEqual([
      400,
      expect.stringContaining('bad_request'),
    ]);
    const big = new Uint8Array(randomBytes(5000));
    const tooBig = await put(sha(big), big, id.token);
    expect([tooBig.status, JSON.stringify(await tooBig.json())]).toEqual([
      413,
      expect.stringContaining('too_large'),
    ]);
    expect((await put(sha(data), data)).status).toBe(401);
    const missing = await fetch(`${h.url}/blobs/${'0'.repeat(64)}`, {
      headers: { authorization: `Bearer ${id.token}` },
    });
    expect(missing.status).toBe(404);
  });
});

describe('static files', () => {
  it('serves the PWA, falls back to index.html for routes, and stays inside its folder', async () => {
    const index = await fetch(`${h.url}/`);
    expect([index.status, await index.text()]).toEqual([200, '<!doctype html><title>Parley</title>']);
    const app = await fetch(`${h.url}/assets/app.js`);
    expect(app.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${h.url}/chats/123`)).status).toBe(200);
    expect((await fetch(`${h.url}/missing.js`)).status).toBe(404);
    // Encoded separators survive URL parsing and decode to ../ : refused, never read.
    expect((await fetch(`${h.url}/..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    const dotted = await fetch(`${h.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(await dotted.text()).not.toContain('root:');
  });
});
