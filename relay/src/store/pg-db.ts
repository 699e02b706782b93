// SqlDb over PostgreSQL through a `pg` connection pool (DATABASE_URL=postgres://...).
import pg from 'pg';
import type { SqlDb, SqlParam, SqlQueryable } from './sql-db';

// int8 (bigint) columns come back as strings by default; every int8 the relay stores is a
// millisecond time or a counter well inside Number.MAX_SAFE_INTEGER, and rows.ts checks that.
function toPg(params: readonly SqlParam[]): unknown[] {
  return params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p));
}

function queryable(client: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query(sql: string, params: readonly SqlParam[] = []) {
      const result = await client.query<Record<string, unknown>>(sql, toPg(params));
      return result.rows;
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async script(sql: string) {
      // No parameters: pg uses the simple protocol, which takes several statements and returns
      // one result per statement (a single result when there is one).
      const out: pg.QueryResult<Record<string, unknown>> | Array<pg.QueryResult<Record<string, unknown>>> =
        await client.query<Record<string, unknown>>(sql);
      return (Array.isArray(out) ? out : [out]).map((r) => r.rows);
    },
  };
}

export async function openPgDb(connectionString: string, max = 10): Promise<SqlDb> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that
  // would crash the process. The next query reports the failure instead.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  return {
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(queryable(client));
        await client.query('COMMIT');
        return out;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn(queryable(client));
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
