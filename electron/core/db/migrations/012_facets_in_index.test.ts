import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../app';
import { openDatabase } from '../open';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('migration 012', () => {
  it('drops the facet rows for a column of expert_index, and keeps expert_facet as a view of it', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 11));
    db.prepare("INSERT INTO expert_index (id, sort_name, updated_at, summary) VALUES ('e', 'budi', 1, '{}')").run();
    db.prepare("INSERT INTO expert_facet (facet, value, expert_rowid) VALUES ('country', 'ID', 1)").run();
    migrate(db, migrations.slice(0, 12));
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'expert_facet'").pluck().get()).toBe('view');
    // Until the projection's version bump refills it, an expert has no facet values.
    expect(db.prepare('SELECT facets FROM expert_index').pluck().get()).toBe('[]');
    db.prepare(`UPDATE expert_index SET facets = '["country:ID","language:id"]'`).run();
    expect(db.prepare('SELECT facet, value, expert_rowid FROM expert_facet ORDER BY 1').raw().all()).toEqual([
      ['country', 'ID', 1],
      ['language', 'id', 1],
    ]);
  });

  it('the expert projection writes each expert’s values once: country, status, languages, expertise with its ancestors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-m012-'));
    try {
      const core = openCore({ dataDir: dir, mode: 'test', actor: 'test' });
      // Two terms under one parent: the parent is a value once.
      const created = await core.dispatch('experts.create', {
        expert: { givenName: 'Siti', familyName: 'Rahayu', country: 'ID', languages: [{ code: 'id', proficiency: 'native' }, { code: 'en', proficiency: 'fluent' }], expertise: ['hrm.recruitment', 'hrm.recruitment.computer-assisted-testing'] },
      });
      core.close();
      if (!created.ok) throw new Error(created.error.message);
      const db = openDatabase(join(dir, 'curator.db'));
      const facets = db.prepare('SELECT facet, value FROM expert_facet ORDER BY 1, 2').raw().all() as [string, string][];
      db.close();
      expect(facets.filter(([f]) => f !== 'expertise')).toEqual([
        ['country', 'ID'],
        ['language', 'en'],
        ['language', 'id'],
        ['status', 'active'],
      ]);
      expect(facets.filter(([f]) => f === 'expertise').map(([, v]) => v)).toEqual(['hrm', 'hrm.recruitment', 'hrm.recruitment.computer-assisted-testing']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
