// Durability: a relay killed with SIGKILL and restarted on the same DATA_DIR has every envelope
// it acknowledged. And `npm start`'s command shuts down cleanly on SIGTERM.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildRelay } from './helpers/child-relay';
import { gql, op } from './helpers/client';
import { newIdentity } from './helpers/identity';

const dataDir = mkdtempSync(join(tmpdir(), 'parley-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const id16 = () => randomBytes(16).toString('hex');

describe('kill and restart', () => {
  it('loses no acknowledged envelope when SIGKILLed, and exits 0 on SIGTERM', async () => {
    const env = { DATA_DIR: dataDir, PUBLIC_URL: 'https://relay.test' };
    const first = await startChildRelay(env);
    const alice = await newIdentity(first.url);
    const g = await gql<{ createGroup: { id: string } }>(first.url, op.createGroup, {}, alice.token);
    const conversationId = g.createGroup.id;
    const acked: Array<{ clientId: string; seq: number; body: string }> = [];
    // Several batches in flight at once; the last ack arrives just before the kill.
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        for (let i = 0; i < 4; i++) {
          const envelopes = Array.from({ length: 3 }, () => ({
            conversationId,
            clientId: id16(),
            body: randomBytes(30).toString('base64url'),
          }));
          const r = await gql<{ send: Array<{ clientId: string; seq: number }> }>(
            first.url,
            op.send,
            { envelopes },
            alice.token,
          );
          for (const receipt of r.send) {
            const body = envelopes.find((e) => e.clientId === receipt.clientId)?.body ?? '';
            acked.push({ clientId: receipt.clientId, seq: receipt.seq, body });
          }
        }
      }),
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const second = await startChildRelay(env);
    try {
      // The session survived too: it is stored (hashed), not held in memory.
      type H = {
        history: { items: Array<{ clientId: string; seq: number; body: string }>; hasMore: boolean };
      };
      const hist = await gql<H>(second.url, op.history, { conversationId, first: 500 }, alice.token);
      const stored = hist.history.items.map((e) => ({ clientId: e.clientId, seq: e.seq, body: e.body }));
      expect(stored).toEqual([...acked].sort((a, b) => a.seq - b.seq));
      expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
  }, 240_000);
});
