import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 010', () => {
  it('adds the applications list projection beside existing data, its filters served by indexes', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 9));
    migrate(db, migrations.slice(0, 10));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const put = db.prepare("INSERT INTO application_index (id, stage, stage_since, submitted_at, country, nominating_country, sort_name, reviews_pending, updated_at, summary) VALUES (?, 'submitted', 1, 1, 'ID', 'ID', 'a', 0, 1, '{}')");
    const seq = Number(put.run('a').lastInsertRowid);
    expect(() => put.run('a')).toThrow(/UNIQUE/);
    // Triggers keep the counts per stage and countries: up on insert, moved on a change of stage, gone at zero.
    const counts = () => db.prepare('SELECT stage, country, nominating_country, n FROM application_stage_count ORDER BY stage').raw().all();
    put.run('b');
    expect(counts()).toEqual([['submitted', 'ID', 'ID', 2]]);
    db.prepare("UPDATE application_index SET stage = 'eligible' WHERE id = 'b'").run();
    expect(counts()).toEqual([['eligible', 'ID', 'ID', 1], ['submitted', 'ID', 'ID', 1]]);
    db.prepare("UPDATE application_index SET updated_at = 5 WHERE id = 'b'").run();
    db.prepare("DELETE FROM application_index WHERE id = 'b'").run();
    expect(counts()).toEqual([['submitted', 'ID', 'ID', 1]]);
    db.prepare('INSERT INTO application_fts (rowid, search) VALUES (?, ?)').run(seq, 'nguyen van hung hung@moha.gov.vn');
    expect(db.prepare("SELECT rowid FROM application_fts WHERE application_fts MATCH '\"hun\"*'").pluck().all()).toEqual([seq]);
    db.prepare('DELETE FROM application_fts WHERE rowid = ?').run(seq);
    expect(db.prepare("SELECT count(*) FROM application_fts WHERE application_fts MATCH 'hung'").pluck().get()).toBe(0);

    // The stage tabs count from an index, and a stage's page is read in order from one.
    expect(plan(db, "SELECT stage, count(*) FROM application_index WHERE country IN ('ID') GROUP BY stage")).toMatch(/USING (COVERING )?INDEX/);
    expect(plan(db, "SELECT summary FROM application_index WHERE stage IN ('submitted') ORDER BY submitted_at DESC, seq DESC LIMIT 50")).toMatch(/INDEX application_index_stage/);
    expect(plan(db, "SELECT id FROM application_reviewer WHERE reviewer = 'r' AND assigned = 1")).toMatch(/PRIMARY KEY/);
  });
});
