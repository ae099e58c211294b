import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('migration 006', () => {
  it('adds sync_remote: at most a central and a hub row, each with a cursor that starts empty', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 5));
    db.exec("INSERT INTO changes (origin, seq, hlc, actor, entity, id, op, fields) VALUES ('b0b0b0b0b0b0b0b0', 1, '000000000001000-000000', 'ana', 'expert', 'x', 'put', '{}')");
    migrate(db, migrations.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(1);

    const insert = db.prepare("INSERT INTO sync_remote (id, base_url, token_id, user, enrolled_at) VALUES (?, 'https://sync.accsm.example', 't1', '{}', 0)");
    insert.run('central');
    expect(db.prepare('SELECT epoch, cursor_seq, snapshot_done, vector, blocked FROM sync_remote').get()).toEqual({ epoch: null, cursor_seq: 0, snapshot_done: 0, vector: '{}', blocked: null });
    expect(() => insert.run('central')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('elsewhere')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sync_remote SET cursor_seq = -1").run()).toThrow(/CHECK/);
    db.close();
  });
});
