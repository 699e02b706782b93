import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appliedVersions, loadMigrations, migrate } from '../src/store/migrate';
import { openPgliteDb } from '../src/store/pglite-db';
import { createSqlStore } from '../src/store/sql-store';
import { storeConformance } from './store-conformance';

// One data folder for the file (PGlite's first open costs ~4 s), like the relay's ./data.
const dir = mkdtempSync(join(tmpdir(), 'parley-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeConformance('PGlite', async () => createSqlStore(await openPgliteDb(dir)));

describe('migrations on PGlite', () => {
  it('records every numbered migration once and applies nothing on a second run', async () => {
    const db = await openPgliteDb(undefined);
    try {
      const all = await loadMigrations();
      expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
      expect(await migrate(db)).toEqual(all.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      expect(await appliedVersions(db)).toEqual(all.map((m) => m.version));
    } finally {
      await db.close();
    }
  });
});
