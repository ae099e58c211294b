import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../app';
import { openDatabase } from '../../db/open';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});
const core = (dataDir: string) => {
  const c = openCore({ dataDir, mode: 'test', actor: 'ana' });
  open.push(c);
  return c;
};
const ids = async (c: Core, query: string) => {
  const r = await c.dispatch('experts.search', { query });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { items: { id: string }[] }).items.map((i) => i.id);
};

describe('expert projection', () => {
  it('is rebuilt from the records when its stored version is older, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-proj-'));
    const first = core(dir);
    const r = await first.dispatch('experts.create', { expert: { givenName: 'Budi', familyName: 'Santoso', country: 'ID' } });
    if (!r.ok) throw new Error(r.error.message);
    const id = (r.value as { id: string }).id;
    first.close();

    // An index left by an older app: stale version, and rows missing.
    const db = openDatabase(join(dir, 'curator.db'));
    db.exec("UPDATE meta SET value = '1' WHERE key = 'projection.experts'; DELETE FROM expert_index; INSERT INTO expert_fts (expert_fts) VALUES ('delete-all'); DELETE FROM expert_facet;");
    db.close();
    const second = core(dir);
    expect(await ids(second, 'santoso')).toEqual([id]);
    second.close();

    // Same version: the index is left as it is (here, deliberately emptied).
    const again = openDatabase(join(dir, 'curator.db'));
    again.exec("DELETE FROM expert_index; INSERT INTO expert_fts (expert_fts) VALUES ('delete-all');");
    again.close();
    expect(await ids(core(dir), 'santoso')).toEqual([]);
  });

  it('keeps the vowel signs of Thai, Lao, Khmer and Myanmar as part of words', async () => {
    const c = core(mkdtempSync(join(tmpdir(), 'curator-proj-')));
    const made: Record<string, string> = {};
    for (const [givenName, familyName, country] of [['สมชาย', 'ใจดี', 'TH'], ['ສົມສັກ', 'ພົມມະຈັນ', 'LA'], ['សុខ', 'ចាន់', 'KH'], ['အောင်', 'ကျော်', 'MM']] as const) {
      const r = await c.dispatch('experts.create', { expert: { givenName, familyName, country } });
      if (!r.ok) throw new Error(r.error.message);
      made[givenName] = (r.value as { id: string }).id;
    }
    expect(await ids(c, 'ใจดี')).toEqual([made['สมชาย']]);
    expect(await ids(c, 'ສົມສັກ')).toEqual([made['ສົມສັກ']]);
    expect(await ids(c, 'សុខ')).toEqual([made['សុខ']]);
    expect(await ids(c, 'ကျော်')).toEqual([made['အောင်']]);
  });
});
