import { canonicalJson } from '../../electron/core/changes/canonical';
import type { Db } from '../../electron/core/db/open';

/**
 * What "identical" means after quiescence, read straight from a node's SQLite file:
 * the merged records (fields and per-field stamps), the change log, the refused entries with
 * their reasons, and — on nodes that keep it — the search projection, read with its local
 * rowids replaced by record ids (each node numbers its rows itself). The contentless FTS
 * tables are compared through fts5vocab: every (term, column, offset) each expert is indexed
 * under.
 */

export interface NodeState {
  records: string[];
  changes: string[];
  refused: string[];
  projection: string[] | null;
}

const rows = (db: Db, sql: string) => (db.prepare(sql).raw().all() as unknown[][]).map((r) => JSON.stringify(r));

export function readState(db: Db, options: { projection: boolean }): NodeState {
  return {
    records: rows(db, 'SELECT entity, id, data, stamps FROM records ORDER BY entity, id'),
    changes: rows(db, 'SELECT origin, seq, hlc, actor, entity, id, op, fields FROM changes ORDER BY origin, seq'),
    // kind 'parked' never occurs here (every node runs this version); the code and reason are upstream's.
    refused: (db.prepare('SELECT origin, seq, kind, code, reason, change FROM refused_changes ORDER BY origin, seq').raw().all() as [string, number, string, string, string, string][]).map(
      ([origin, seq, kind, code, reason, change]) => {
        const { refused: _, ...held } = JSON.parse(change) as Record<string, unknown>;
        return JSON.stringify([origin, seq, kind, code, reason, canonicalJson(held)]);
      },
    ),
    projection: options.projection ? readProjection(db) : null,
  };
}

function readProjection(db: Db): string[] {
  const out = [
    ...rows(db, "SELECT 'index', id, sort_name, updated_at, summary FROM expert_index ORDER BY id").map((r) => r),
    ...rows(db, "SELECT 'facet', facet, value, i.id FROM expert_facet f JOIN expert_index i ON i.rowid = f.expert_rowid ORDER BY 2, 3, 4"),
    ...rows(db, "SELECT 'match', i.id, m.data FROM expert_match_source m JOIN expert_index i ON i.rowid = m.rowid ORDER BY 2"),
  ];
  for (const table of ['expert_fts', 'expert_name_fts']) {
    const vocab = `temp.${table}_instances`;
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${vocab} USING fts5vocab(main, ${table}, instance)`);
    out.push(...rows(db, `SELECT '${table}', i.id, v.term, v.col, v.offset FROM ${vocab} v JOIN expert_index i ON i.rowid = v.doc ORDER BY 2, 3, 4, 5`));
    // Rows indexed for no expert would be search results pointing nowhere.
    out.push(...rows(db, `SELECT '${table} orphan', v.doc FROM ${vocab} v WHERE v.doc NOT IN (SELECT rowid FROM expert_index) GROUP BY v.doc`));
  }
  return out;
}

/** Blobs a node's records name but the node lacks. */
export function missingBlobs(db: Db): string[] {
  return db
    .prepare(
      `SELECT DISTINCT json_extract(data, '$.photo.hash') AS h FROM records
       WHERE entity = 'expert' AND h IS NOT NULL AND h NOT IN (SELECT hash FROM attachments)`,
    )
    .pluck()
    .all() as string[];
}

/** The first difference between two lists of rows, for a failure message a person can read. */
export function firstDifference(a: readonly string[], b: readonly string[]): string | null {
  const left = new Set(a);
  const right = new Set(b);
  const onlyA = a.filter((x) => !right.has(x));
  const onlyB = b.filter((x) => !left.has(x));
  if (!onlyA.length && !onlyB.length) return a.length === b.length ? null : `row counts differ: ${a.length} vs ${b.length}`;
  return `${onlyA.length} row(s) only on the first, e.g. ${onlyA.slice(0, 2).join(' | ')}; ${onlyB.length} only on the second, e.g. ${onlyB.slice(0, 2).join(' | ')}`;
}
