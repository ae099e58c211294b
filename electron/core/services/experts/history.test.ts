import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../../shared/contract/methods';
import { formatHlc } from '../../../../shared/sync/hlc';
import { ChangeFunnel } from '../../changes/funnel';
import type { Change } from '../../changes/types';
import { openDatabase, type Db } from '../../db/open';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { expertProjection } from './projection';
import { ExpertsService } from './service';

/**
 * History as this node sees it when another node's edits arrive by sync: changes from a
 * second origin enter through ChangeFunnel.receive, exactly as the sync client applies them.
 */

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

function node() {
  const dir = mkdtempSync(join(tmpdir(), 'curator-history-'));
  const db: Db = openDatabase(join(dir, 'curator.db'));
  cleanup.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  let now = 1_000;
  const taxonomy = loadShippedTaxonomy();
  const funnel = new ChangeFunnel(db, [expertProjection(db, taxonomy)], () => now);
  const experts = new ExpertsService(db, funnel, taxonomy, () => 'ana');
  return { funnel, experts, at: (ms: number) => (now = ms) };
}

/** A change written on another node at wall time `wall`. */
const remote = (origin: string, seq: number, wall: number, id: string, fields: Record<string, unknown>): Change => ({
  origin,
  seq,
  hlc: formatHlc({ wall, counter: 0 }),
  actor: `${origin}.curator`,
  entity: 'expert',
  id,
  op: 'put',
  fields,
});

const entriesOf = (history: Output<'experts.history'>, field: string) =>
  history.fields.find((f) => f.entity === 'expert' && f.field === field)!.entries.map((e) => ({ value: e.value, current: e.current, lost: e.lostConcurrent }));

describe('expert history', () => {
  it('marks a value that arrived after a concurrent edit with a later stamp had already won', () => {
    const { funnel, experts, at } = node();
    at(1_000);
    const { id } = experts.create({ expert: { givenName: 'Budi', familyName: 'Santoso', country: 'ID', position: 'Analyst' }, portfolio: [] });
    at(5_000);
    experts.update({ id, patch: { position: 'Director' } });

    // Node B edited the same field offline at 3 s, before it saw our 5 s edit: it arrives
    // now, loses the merge, and is marked as the edit that lost.
    at(6_000);
    funnel.receive([remote('b0b0b0b0b0b0b0b0', 1, 3_000, id, { position: 'Deputy Director' })]);
    expect(experts.get(id).position).toBe('Director');
    expect(entriesOf(experts.history(id), 'position')).toEqual([
      { value: 'Director', current: true, lost: false },
      { value: 'Deputy Director', current: false, lost: true },
      { value: 'Analyst', current: false, lost: false },
    ]);

    // A later edit from B (9 s) wins: an ordinary newer value, nothing lost. Our 5 s value is
    // not marked either: nothing in the log says whether B had seen it.
    at(7_000);
    funnel.receive([remote('b0b0b0b0b0b0b0b0', 2, 9_000, id, { position: 'Secretary' })]);
    // Node C, at 4 s and unaware of both, arrives last: it lost to the values already here.
    funnel.receive([remote('c0c0c0c0c0c0c0c0', 1, 4_000, id, { position: 'Head of Unit' })]);
    expect(experts.get(id).position).toBe('Secretary');
    expect(entriesOf(experts.history(id), 'position')).toEqual([
      { value: 'Secretary', current: true, lost: false },
      { value: 'Director', current: false, lost: false },
      { value: 'Head of Unit', current: false, lost: true },
      { value: 'Deputy Director', current: false, lost: true },
      { value: 'Analyst', current: false, lost: false },
    ]);
  });

  it('does not mark edits of one origin, nor a remote edit that simply came later', () => {
    const { funnel, experts, at } = node();
    at(1_000);
    const { id } = experts.create({ expert: { givenName: 'Siti', country: 'ID', agency: 'BKN' }, portfolio: [] });
    at(2_000);
    experts.update({ id, patch: { agency: 'LAN' } });
    at(3_000);
    funnel.receive([remote('b0b0b0b0b0b0b0b0', 1, 2_500, id, { agency: 'KemenPAN-RB' })]);
    expect(entriesOf(experts.history(id), 'agency')).toEqual([
      { value: 'KemenPAN-RB', current: true, lost: false },
      { value: 'LAN', current: false, lost: false },
      { value: 'BKN', current: false, lost: false },
    ]);
  });
});
