import type { Db } from '../../electron/core/db/open';

/**
 * Row counts of every table of a database (FTS5's shadow tables included), and what a write
 * added to each: how the import bench checks that its raw reference writes the rows the
 * import writes, table by table, with nothing forgotten (the list comes from the schema, not
 * from either writer).
 */
export function tableCounts(db: Db): Map<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return new Map(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number]));
}

/** The tables whose row count changed between two counts, with the change, by name. */
export function rowsAdded(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [table, n] of [...after].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const d = n - (before.get(table) ?? 0);
    if (d !== 0) out[table] = d;
  }
  return out;
}
