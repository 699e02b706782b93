// The one RelayStore implementation, over any SqlDb (PGlite or PostgreSQL).
import { migrate } from './migrate';
import { sqlAuth } from './sql-auth';
import { sqlBlobs } from './sql-blobs';
import { sqlConversations } from './sql-conversations';
import type { SqlDb } from './sql-db';
import { sqlEnvelopes } from './sql-envelopes';
import { sqlFanout } from './sql-fanout';
import { sqlIdentities } from './sql-identities';
import type { RelayStore } from './store';

/** Runs pending migrations, then returns the store. */
export async function createSqlStore(db: SqlDb): Promise<RelayStore> {
  await migrate(db);
  return {
    ...sqlAuth(db),
    ...sqlIdentities(db),
    ...sqlConversations(db),
    ...sqlEnvelopes(db),
    ...sqlFanout(db),
    ...sqlBlobs(db),
    close: () => db.close(),
  };
}
