// Shared by the catch-up benches: a signed-in Node engine, and N texts queued in its outbox in
// bulk (one transaction per chunk, the rows send() would write), so the setup is not the figure.
import { bytesToHex } from '@parley/crypto';
import { checkedContent } from '../../packages/engine/src/content/outgoing';
import type { Engine } from '../../packages/engine/src/engine';
import { ownHead } from '../../packages/engine/src/sync/own-head';
import { newBrowser, newEngine } from '../../packages/engine/test/support/engines';
import { TestWallet } from '../../packages/engine/test/support/test-wallet';

const CHUNK = 500;

export async function signedInNodePerson(url: string, name: string) {
  const wallet = new TestWallet();
  const browser = newBrowser();
  const engine = newEngine(url, browser, {}, name);
  await engine.start();
  await engine.signIn({ provider: wallet });
  return { wallet, browser, engine };
}

/** Queues `count` texts in Alice's outbox directly (one transaction per chunk), as send() would. */
export async function enqueueTexts(alice: Engine, conversationId: string, count: number): Promise<void> {
  const account = await alice.db.account.get('me');
  const head = await ownHead(alice.db);
  if (!account || !head) throw new Error('Alice is not signed in');
  for (let start = 0; start < count; start += CHUNK) {
    const now = Date.now();
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) => {
      const clientId = bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
      const content = checkedContent(
        { type: 'text', body: `message ${start + i}` },
        { sentAt: now, deviceLogHead: head },
      );
      return { clientId, content };
    });
    await alice.db.transaction('rw', alice.db.messages, alice.db.outbox, async () => {
      await alice.db.messages.bulkAdd(
        rows.map((r) => ({
          clientId: r.clientId,
          conversationId,
          senderAddress: account.address,
          senderDevice: account.deviceId,
          sentAt: now,
          status: 'pending' as const,
          content: r.content,
          mine: 1 as const,
        })),
      );
      await alice.db.outbox.bulkAdd(
        rows.map((r) => ({
          clientId: r.clientId,
          conversationId,
          createdAt: now,
          attempts: 0,
          nextAttemptAt: now,
          state: 'queued' as const,
        })),
      );
    });
  }
}
