// The narrow SQL port both adapters implement (PGlite in pglite-db.ts, PostgreSQL in pg-db.ts).
// Everything above it (migrations, sql-store.ts) is written once, in one dialect.

export type SqlParam = string | number | boolean | null | Uint8Array;

export interface SqlQueryable {
  /** One parameterised statement; rows come back untyped and are parsed by the caller. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Array<Record<string, unknown>>>;
  /** Several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Several statements with their values written inline (sql-literal.ts), in one round trip;
   * one rows array per statement, in order. The hot paths use it: on PGlite a statement list
   * costs a third of the protocol round trips of one parameterised query.
   */
  script(sql: string): Promise<Array<Array<Record<string, unknown>>>>;
}

export interface SqlDb extends SqlQueryable {
  /** Runs `fn` in one transaction (READ COMMITTED); it commits if `fn` resolves. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` with sole use of one connection and no implicit transaction: its scripts open and
   * commit one themselves (BEGIN at the head of the first, COMMIT at the tail of the last), which
   * saves the two round trips of `transaction`. If `fn` throws, whatever transaction it left open
   * is rolled back.
   */
  session<T>(fn: (s: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** True for a PostgreSQL unique-violation error (SQLSTATE 23505), from either adapter. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
