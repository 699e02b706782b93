// Frozen vectors: a change to the trade formats must be deliberate. Regenerate with
// UPDATE_VECTORS=1 npx vitest run packages/trade/test/trade-vectors.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { env } from 'node:process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyItem } from '../src/verify/verify-item';
import { buildTradeVectors } from './trade-vectors';

const PATH = fileURLToPath(new URL('./vectors/trade.json', import.meta.url));

describe('trade vectors', () => {
  it('match test/vectors/trade.json byte for byte', async () => {
    const built = await buildTradeVectors();
    if (env.UPDATE_VECTORS === '1' || !existsSync(PATH)) writeFileSync(PATH, built);
    expect(built).toBe(readFileSync(PATH, 'utf8'));
  });

  it('verify from the file alone', () => {
    const file = JSON.parse(readFileSync(PATH, 'utf8')) as Record<string, { item: unknown; hash: string }>;
    for (const name of ['offer', 'counter', 'accept']) {
      const entry = file[name];
      const checked = verifyItem(entry?.item);
      expect(checked.ok && checked.value.hash).toBe(entry?.hash);
    }
  });
});
