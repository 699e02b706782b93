// The same conformance suite on a real PostgreSQL server from Debian's packages, started for this
// file by scripts/services/postgres.mjs (installed with apt-get first when missing and root).
import { afterAll } from 'vitest';
import { startPostgres } from '../../scripts/services/postgres.mjs';
import { openPgDb } from '../src/store/pg-db';
import { createSqlStore } from '../src/store/sql-store';
import { storeConformance } from './store-conformance';

let stop: (() => void) | undefined;
afterAll(() => stop?.());

storeConformance(
  'PostgreSQL',
  async () => {
    const pg = await startPostgres();
    stop = pg.stop;
    return createSqlStore(await openPgDb(pg.url));
  },
  300_000,
);
