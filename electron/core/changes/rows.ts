import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

/** Rows per INSERT: 64 rows of up to 8 columns stay far below SQLite's limit of bound parameters. */
const MAX_ROWS = 64;

/**
 * Rows for one table, inserted through multi-row INSERT statements (`INSERT ... VALUES (...),
 * (...)`): a first sync writes hundreds of thousands of rows, and one statement for many rows
 * costs less than one per row (and an AUTOINCREMENT table updates its counter once per
 * statement). Rows go in in the order they were added. They are in the table only after
 * `flush()`: callers flush before anything reads the table, and before their transaction ends;
 * a caller that fails midway discards what it added (its transaction is rolled back anyway).
 */
export interface RowBuffer {
  add(...values: unknown[]): void;
  flush(): void;
  discard(): void;
}

/**
 * `insert` is the statement up to VALUES, `tail` what follows the rows (an ON CONFLICT clause),
 * `width` the columns per row. Statements are prepared once per row count and kept.
 */
export function rowBuffer(db: Db, insert: string, width: number, tail = ''): RowBuffer {
  const statements = new Map<number, Statement>();
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const statement = (rows: number) => {
    let s = statements.get(rows);
    if (!s) statements.set(rows, (s = db.prepare(`${insert} VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${tail}`)));
    return s;
  };
  let params: unknown[] = [];
  let rows = 0;
  const flush = () => {
    if (rows === 0) return;
    const bound = params;
    const n = rows;
    params = [];
    rows = 0;
    statement(n).run(bound);
  };
  return {
    add(...values) {
      if (values.length !== width) throw new Error(`A row of ${width} values was expected, not ${values.length}.`);
      for (const v of values) params.push(v);
      if (++rows === MAX_ROWS) flush();
    },
    flush,
    discard() {
      params = [];
      rows = 0;
    },
  };
}
