import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { m001Init } from './001_init';
import { m002FtsScripts } from './002_fts_scripts';
import { m003SearchTiers } from './003_search_tiers';

const TOKENIZE = `unicode61 remove_diacritics 2 categories 'L* N* Co M*'`;

describe('migration 003', () => {
  it('adds a name-only index and match sources, and gives both FTS tables one-letter prefixes and the same tokenizer', () => {
    const db = new Database(':memory:');
    migrate(db, [m001Init, m002FtsScripts]);
    db.exec("INSERT INTO expert_fts (rowid, names, tags) VALUES (1, 'tran anh', 'xcvn')");
    migrate(db, [m001Init, m002FtsScripts, m003SearchTiers]);
    expect(db.pragma('user_version', { simple: true })).toBe(3);

    const sqlOf = (name: string) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string;
    for (const table of ['expert_fts', 'expert_name_fts']) {
      expect(sqlOf(table)).toContain(`tokenize = "${TOKENIZE}"`);
      expect(sqlOf(table)).toContain("prefix = '1 2 3'");
    }
    // Recreated empty: the projection's version bump refills it from the records.
    expect(db.prepare("SELECT count(*) FROM expert_fts WHERE expert_fts MATCH 'tran'").pluck().get()).toBe(0);

    // Vowel signs stay inside words, a private-use tag mark is a word character, a lone letter is a prefix.
    db.exec("INSERT INTO expert_name_fts (rowid, names, tags) VALUES (1, 'สมชาย ใจดี', '\uE000cth'), (2, 'anh tran', '\uE000cvn')");
    const names = (match: string) => db.prepare('SELECT rowid FROM expert_name_fts WHERE expert_name_fts MATCH ? ORDER BY rowid').pluck().all(match);
    expect(names('"ใจดี"')).toEqual([1]);
    expect(names('"a"*')).toEqual([2]);
    expect(names('tags : "\uE000cvn"')).toEqual([2]);
    expect(names('"cvn"')).toEqual([]);

    db.exec(`INSERT INTO expert_match_source (rowid, data) VALUES (1, '{"otherNames":[],"expertise":[],"portfolio":[]}')`);
    expect(() => db.exec("INSERT INTO expert_match_source (rowid, data) VALUES (2, NULL)")).toThrow();
    db.close();
  });
});
