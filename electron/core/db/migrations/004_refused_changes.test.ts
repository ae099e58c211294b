import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('migration 004', () => {
  it('adds refused_changes: one row per (origin, seq), kind rejected or parked, the change kept as received', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 3));
    db.exec("INSERT INTO changes (origin, seq, hlc, actor, entity, id, op, fields) VALUES ('b0b0b0b0b0b0b0b0', 1, '000000000001000-000000', 'ana', 'expert', 'x', 'put', '{}')");
    migrate(db, migrations.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(1);

    const insert = db.prepare('INSERT INTO refused_changes (origin, seq, kind, reason, change, received_at) VALUES (?, ?, ?, ?, ?, 0)');
    insert.run('b0b0b0b0b0b0b0b0', 2, 'rejected', 'expert.givenName: not text', '{"seq":2}');
    insert.run('b0b0b0b0b0b0b0b0', 3, 'parked', 'unknown field', '{"seq":3}');
    expect(() => insert.run('b0b0b0b0b0b0b0b0', 3, 'parked', 'again', '{}')).toThrow(/UNIQUE/);
    expect(() => insert.run('b0b0b0b0b0b0b0b0', 4, 'ignored', 'no such kind', '{}')).toThrow(/CHECK/);
    db.close();
  });
});
