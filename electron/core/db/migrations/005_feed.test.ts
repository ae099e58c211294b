import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

const A = 'a0a0a0a0a0a0a0a0';
const B = 'b0b0b0b0b0b0b0b0';

describe('migration 005', () => {
  it('fills the feed from the entries held, each origin in seq order, and gives refusals a code and the database an epoch', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 4));
    const change = db.prepare("INSERT INTO changes (origin, seq, hlc, actor, entity, id, op, fields) VALUES (?, ?, '000000000001000-000000', 'ana', 'expert', 'x', 'put', '{}')");
    const refuse = db.prepare('INSERT INTO refused_changes (origin, seq, kind, reason, change, received_at) VALUES (?, ?, ?, ?, ?, 0)');
    change.run(A, 1);
    change.run(B, 1);
    refuse.run(A, 2, 'rejected', 'bad value', '{"entity":"expert"}');
    change.run(A, 3);
    change.run(B, 3);
    // B's 2 was parked, then applied by an upgrade after B's 3: its rowid is the largest.
    change.run(B, 2);
    refuse.run(A, 4, 'parked', 'unknown field', '{"entity":"expert"}');
    refuse.run(B, 4, 'parked', 'unknown entity', '{"entity":"payroll"}');
    migrate(db, migrations.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);

    const feed = db.prepare('SELECT seq, origin, oseq FROM feed ORDER BY seq').all() as { seq: number; origin: string; oseq: number }[];
    expect(feed.map((f) => f.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const origin of [A, B]) {
      expect(feed.filter((f) => f.origin === origin).map((f) => f.oseq)).toEqual([1, 2, 3, 4]);
    }
    // Mostly in the order the log took them: A1 before B1.
    expect(feed[0]).toMatchObject({ origin: A, oseq: 1 });

    const codes = db.prepare('SELECT origin, seq, code, upstream FROM refused_changes ORDER BY origin, seq').all();
    expect(codes).toEqual([
      { origin: A, seq: 2, code: 'INVALID_VALUE', upstream: 0 },
      { origin: A, seq: 4, code: 'UNKNOWN_FIELD', upstream: 0 },
      { origin: B, seq: 4, code: 'UNKNOWN_ENTITY', upstream: 0 },
    ]);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'epoch'").pluck().get()).toMatch(/^[0-9a-f]{16}$/);
    db.close();
  });
});
