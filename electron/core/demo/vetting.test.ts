import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../shared/model/vetting/chain';
import { stages } from '../../../shared/model/vetting/state';
import { ChangeFunnel } from '../changes/funnel';
import { openDatabase, type Db } from '../db/open';
import { allOverviews } from '../services/vetting/dashboard-states';
import { readEvents } from '../services/vetting/store';
import { listUsers } from '../services/vetting/users';
import { loadVettingDemo, vettingDemoPresent } from './vetting';
import { generateExperts } from './generate';
import { expertDefaults } from '../../../shared/model/expert';

const NOW = Date.UTC(2026, 10, 1, 8);
const opened: { db: Db; dir: string }[] = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function load(seed: number, directory = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'demo-vetting-'));
  const db = openDatabase(join(dir, 'data.db'));
  opened.push({ db, dir });
  const funnel = new ChangeFunnel(db, [], () => NOW);
  if (directory) {
    const writes = [...generateExperts(directory, seed)].map(({ expert }, i) => ({
      entity: 'expert',
      id: `01900000-0000-7000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
      fields: { ...expertDefaults, ...expert, status: 'active', statusReason: '', demo: true },
    }));
    funnel.write('demo', writes);
  }
  expect(vettingDemoPresent(db)).toBe(false);
  const result = loadVettingDemo(db, funnel, { seed, now: NOW });
  expect(vettingDemoPresent(db)).toBe(true);
  return { db, result };
}

const records = (db: Db) => db.prepare("SELECT entity, id, data FROM records WHERE entity IN ('user', 'application', 'vetting_event', 'expert') ORDER BY entity, id").all();

describe('demo vetting data', () => {
  it('has a fictional team and about 40 applications in every stage an application reaches, each chain intact', () => {
    const { db, result } = load(1);
    expect(result).toEqual({ users: 8, applications: 40 });
    const users = listUsers(db);
    expect(users.every((u) => u.name.endsWith('(demo)') && u.email.endsWith('@example.org'))).toBe(true);
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['curator', 'reviewer', 'focal_point']));
    const overviews = allOverviews(db);
    expect(overviews).toHaveLength(40);
    const reached = new Set(overviews.map((o) => o.state.stage));
    expect([...reached].sort()).toEqual(stages.filter((s) => s !== 'new').sort());
    for (const o of overviews) {
      expect(o.state.invalid).toEqual([]);
      expect(verifyChain(readEvents(db, o.id)).ok).toBe(true);
      for (const e of readEvents(db, o.id)) expect(e.at).toBeLessThanOrEqual(NOW);
    }
    const conflict = overviews.find((o) => o.state.stage === 'conflict')!;
    expect(conflict.state.conflict!.sides.map((s) => s.verdict).sort()).toEqual(['decided:accept', 'decided:reject']);
    // Every published application links to a demo expert.
    for (const o of overviews.filter((x) => x.state.stage === 'published')) {
      const expert = db.prepare("SELECT data FROM records WHERE entity = 'expert' AND id = ?").pluck().get(o.state.publication!.expertId) as string;
      expect(JSON.parse(expert)).toMatchObject({ demo: true, givenName: o.givenName });
    }
  });

  it('makes demo experts of the directory the accepted applicants, adding no expert', () => {
    const { db } = load(3, 20);
    expect(db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get()).toBe(20);
    const published = allOverviews(db).filter((o) => o.state.publication);
    expect(published).toHaveLength(5);
    for (const o of published) {
      const expert = JSON.parse(db.prepare("SELECT data FROM records WHERE entity = 'expert' AND id = ?").pluck().get(o.state.publication!.expertId) as string);
      expect([expert.givenName, expert.familyName, expert.country]).toEqual([o.givenName, o.familyName, o.country]);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    const a = load(7);
    const b = load(7);
    const c = load(8);
    expect(records(a.db)).toEqual(records(b.db));
    expect(records(a.db)).not.toEqual(records(c.db));
  });
});
