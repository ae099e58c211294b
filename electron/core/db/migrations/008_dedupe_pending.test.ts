import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('migration 008', () => {
  it('adds dedupe_pending beside existing data: one row per queued record, entities checked', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 7));
    db.exec("INSERT INTO dedupe_person (entity, id, profile) VALUES ('expert', 'x', '{}')");
    migrate(db, migrations.slice(0, 8));
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT count(*) FROM dedupe_person').pluck().get()).toBe(1);

    const queue = db.prepare('INSERT INTO dedupe_pending (entity, id) VALUES (?, ?)');
    queue.run('expert', 'x');
    queue.run('application', 'x');
    expect(() => queue.run('expert', 'x')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => queue.run('portfolio', 'y')).toThrow(/CHECK/);
    // Drained in primary-key order, without sorting.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT entity, id FROM dedupe_pending ORDER BY entity, id LIMIT 10').all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});
