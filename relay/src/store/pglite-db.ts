// SqlDb over PGlite (PostgreSQL compiled to WASM): the embedded default, one data folder, no
// server. PGlite runs one query at a time and queues transactions, so it is a single writer.
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
  };
}

/** Opens (creating if needed) a PGlite database in `dataDir`, or in memory when undefined. */
export async function openPgliteDb(dataDir: string | undefined): Promise<SqlDb> {
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  const base = queryable(db);
  return {
    ...base,
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    close: () => db.close(),
  };
}
