// SQL literals for the batched statements (sql-envelope-batch.ts, sql-auth.ts). PGlite runs a
// parameterised query as six protocol round trips into its WebAssembly engine (parse, describe,
// bind, describe, execute, sync) and a plain statement list as two, so the hot paths send their
// values inline, several statements per round trip. Every value goes through these functions and
// nothing else; they follow PostgreSQL's own quoting rules (libpq's PQescapeLiteral), so the
// text is safe whatever the string holds and whatever standard_conforming_strings says.

export type SqlLiteralValue = string | number | null;

/** One value as a SQL literal: a quoted string, a safe integer, or NULL. */
export function sqlLiteral(value: SqlLiteralValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError('only safe integers are written inline');
    return String(value);
  }
  // PostgreSQL text cannot hold NUL; refusing it here keeps the quoting rule total.
  if (value.includes('\0')) throw new RangeError('a string with a NUL character');
  const quoted = `'${value.replaceAll("'", "''")}'`;
  // With a backslash, use the E'' form and double it, so the meaning does not depend on
  // standard_conforming_strings (as PQescapeLiteral and pg's escapeLiteral do).
  return value.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** `(v1, v2, ...)`: one row of a VALUES list or of a row-value IN list. */
export function sqlRow(values: readonly SqlLiteralValue[]): string {
  return `(${values.map(sqlLiteral).join(', ')})`;
}

/** `r1, r2, ...` for a VALUES or IN list (never empty: callers skip empty batches). */
export function sqlRows(rows: ReadonlyArray<readonly SqlLiteralValue[]>): string {
  if (rows.length === 0) throw new RangeError('an empty row list');
  return rows.map(sqlRow).join(', ');
}
