// The narrow SQL port both adapters implement (PGlite in pglite-db.ts, PostgreSQL in pg-db.ts).
// Everything above it (migrations, sql-store.ts) is written once, in one dialect.

export type SqlParam = string | number | boolean | null | Uint8Array;

export interface SqlQueryable {
  /** One parameterised statement; rows come back untyped and are parsed by the caller. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Array<Record<string, unknown>>>;
  /** Several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDb extends SqlQueryable {
  /** Runs `fn` in one transaction (READ COMMITTED); it commits if `fn` resolves. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** True for a PostgreSQL unique-violation error (SQLSTATE 23505), from either adapter. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
