// SqlDb over PGlite (PostgreSQL compiled to WASM): the embedded default, one data folder, no
// server. PGlite runs one query at a time and queues transactions, so it is a single writer.
// PGlite is one database session: `session` needs nobody else's statement to run between its
// scripts, so every call on this adapter waits its turn on one queue (`exclusive`).
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDb, SqlParam, SqlQueryable } from './sql-db';

function queryable(target: PGlite | Transaction): SqlQueryable {
  return {
    async query(sql: string, params: readonly SqlParam[] = []) {
      const result = await target.query<Record<string, unknown>>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
    async script(sql: string) {
      const results = await target.exec(sql);
      return results.map((r) => r.rows as Array<Record<string, unknown>>);
    },
  };
}

/** Runs calls one at a time, in order; a failed call does not stop the ones after it. */
function queue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Opens (creating if needed) a PGlite database in `dataDir`, or in memory when undefined. */
export async function openPgliteDb(dataDir: string | undefined): Promise<SqlDb> {
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  const base = queryable(db);
  const exclusive = queue();
  return {
    query: (sql, params) => exclusive(() => base.query(sql, params)),
    exec: (sql) => exclusive(() => base.exec(sql)),
    script: (sql) => exclusive(() => base.script(sql)),
    transaction: (fn) => exclusive(() => db.transaction((tx) => fn(queryable(tx)))),
    session: (fn) =>
      exclusive(async () => {
        try {
          return await fn(base);
        } catch (error) {
          // Outside a transaction this is only a warning, so it is safe either way.
          await db.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    close: () => exclusive(() => db.close()),
  };
}
