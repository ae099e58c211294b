import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { formatHlc } from '../../../shared/sync/hlc';
import type { VersionVector } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { expertProjection } from '../services/experts/projection';
import { loadShippedTaxonomy } from '../services/taxonomy-resource';
import type { ChangeFunnel } from './funnel';
import type { Authorize } from './receive';
import { memoryNode } from './testing';
import { editArb, phantomArb, searchWords, type Edit } from './convergence-values';

/**
 * The convergence property (issue 6, point 1): nodes in a tree — a central node, a hub that
 * relays to it, laptops syncing with the hub or the central node, one with both — make random
 * edits of every value type (many to the same fields) on clocks days apart, some refused by
 * central (role, bad value) or parked (a field from a newer app), and sync in random order with
 * duplicated and reordered deliveries. After quiescence every node holds the same records,
 * search index, change log and refused set. The seed is printed by fast-check on failure;
 * replay with `{ seed, path }` in fc.assert's options.
 */

const taxonomy = loadShippedTaxonomy();
const DAY = 86_400_000;
const T0 = 1_750_000_000_000;
const names = ['central', 'hub', 'l1', 'l2', 'l3'] as const;
type Name = (typeof names)[number];
/** Who syncs with whom: the hub and l2 with central, l1 with the hub, l3 with either. */
const links: [Name, Name][] = [['hub', 'central'], ['l1', 'hub'], ['l2', 'central'], ['l3', 'hub'], ['l3', 'central']];

/** Central (and only central) checks roles: a reviewer writes nothing. The hub relays. */
const authorize: Authorize = (c) =>
  c.actor === 'reviewer' ? { kind: 'rejected', code: 'ROLE', reason: 'A reviewer cannot change the directory.' } : { kind: 'ok' };

type Step =
  | { kind: 'edit'; node: Name; edit: Edit }
  | { kind: 'sync'; link: number; push: boolean; pull: boolean; page: number; duplicate: boolean; swap: boolean }
  | { kind: 'phantom'; to: 'hub' | 'central'; entry: { fields: Record<string, unknown>; record: number; entity: string } }
  | { kind: 'tick'; ms: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), node: fc.constantFrom(...names), edit: editArb }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      link: fc.nat(links.length - 1),
      push: fc.boolean(),
      pull: fc.boolean(),
      page: fc.integer({ min: 1, max: 6 }),
      duplicate: fc.boolean(),
      swap: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('phantom' as const), to: fc.constantFrom('hub' as const, 'central' as const), entry: phantomArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 3 * DAY }) }) },
);

/** What the runs exercised, summed over all of them, so that the property cannot pass vacuously. */
const seen = { replaced: 0, indexed: 0, searchHits: 0, refusedCodes: new Set<string>(), clockWarnings: 0, relayed: 0 };

function world(skews: number[]) {
  let real = T0;
  const nodes = Object.fromEntries(
    names.map((name, i) => [name, memoryNode(() => real + skews[i]!, (db) => [expertProjection(db, taxonomy)])]),
  ) as Record<Name, { db: Db; funnel: ChangeFunnel }>;
  const cursors = links.map(() => 0);
  const known: VersionVector[] = links.map(() => ({}));
  let phantomSeq = 0;
  const PHANTOM = 'f0f0f0f0f0f0f0f0';

  const receiveAt = (to: Name) => (entries: unknown[], from: 'downstream' | 'upstream') => {
    const r = nodes[to].funnel.receive(entries, { from, authorize: to === 'central' ? authorize : undefined });
    seen.replaced += r.replaced;
    seen.clockWarnings += r.clockWarnings.length;
    return r;
  };

  /** Push what the remote lacked when last heard from, in up to two chunks, maybe swapped and repeated. */
  function push(l: number, swap: boolean, duplicate: boolean) {
    const [client, remote] = links[l]!;
    const entries = nodes[client].funnel.missingFrom(known[l]!, 1e6);
    const half = Math.ceil(entries.length / 2);
    const chunks = [entries.slice(0, half), entries.slice(half)].filter((c) => c.length);
    const order = swap ? [...chunks].reverse() : chunks;
    for (const chunk of duplicate ? [...order, ...order] : order) {
      try {
        receiveAt(remote)(chunk, 'downstream');
      } catch (e) {
        // A swapped chunk arrives before the one it follows: refused whole, sent again later.
        if (!(e instanceof AppError && e.code === 'SEQ_GAP')) throw e;
      }
    }
    known[l] = nodes[remote].funnel.vector();
  }
  function pull(l: number, page: number, duplicate: boolean): number {
    const [client, remote] = links[l]!;
    let pulled = 0;
    for (;;) {
      const { entries } = nodes[remote].funnel.feedAfter(cursors[l]!, page);
      if (!entries.length) return pulled;
      receiveAt(client)(entries, 'upstream');
      // Delivered twice (a response lost after commit, the page fetched again): a no-op.
      if (duplicate) receiveAt(client)(entries, 'upstream');
      cursors[l] = entries[entries.length - 1]!.feedSeq;
      pulled += entries.length;
    }
  }

  function run(step: Step) {
    if (step.kind === 'tick') real += step.ms;
    else if (step.kind === 'edit') {
      // Central is the root: a bad value it wrote itself would have no one above to refuse it,
      // and every other node would refuse it by value (its services never write one).
      if (step.node === 'central' && step.edit.bad) return;
      applyEdit(nodes[step.node].funnel, step.edit);
    }
    else if (step.kind === 'phantom') {
      // A node this test does not run (a newer app) pushes straight to the hub or central.
      const change = { origin: PHANTOM, seq: ++phantomSeq, hlc: formatHlc({ wall: real, counter: 0 }), actor: 'curator', entity: step.entry.entity, id: recordId(step.entry.record), op: 'put', fields: step.entry.fields };
      receiveAt(step.to)([change], 'downstream');
      // Every phantom entry also reaches the other of the two, so both hold its whole sequence.
      receiveAt(step.to === 'hub' ? 'central' : 'hub')([change], 'downstream');
    } else {
      if (step.push) push(step.link, step.swap, step.duplicate);
      if (step.pull) pull(step.link, step.page, step.duplicate);
    }
  }

  function quiesce() {
    for (let round = 0; round < 10; round++) {
      const before = JSON.stringify(names.map((n) => [nodes[n].funnel.vector(), nodes[n].funnel.feedHead()]));
      for (let l = 0; l < links.length; l++) {
        push(l, false, false);
        pull(l, 50, false);
      }
      if (JSON.stringify(names.map((n) => [nodes[n].funnel.vector(), nodes[n].funnel.feedHead()])) === before) return;
    }
    throw new Error('The nodes did not reach quiescence in 10 rounds.');
  }
  return { nodes, run, quiesce };
}

const recordId = (n: number) => `01900000-0000-7000-8000-${String(n + 1).padStart(12, '0')}`;

function applyEdit(funnel: ChangeFunnel, e: Edit) {
  funnel.write(e.actor, [{ entity: e.entity, id: recordId(e.record), fields: e.fields }]);
}

/** Everything a node must agree on, with node-local numbering (index rowids, feed) mapped away. */
function snapshot(db: Db) {
  const all = (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args);
  const search = (table: string, word: string) =>
    db.prepare(`SELECT i.id FROM ${table} f JOIN expert_index i ON i.rowid = f.rowid WHERE ${table} MATCH ? ORDER BY i.id`).pluck().all(`"${word.replaceAll('"', '""')}"*`);
  return {
    records: all('SELECT entity, id, data, stamps FROM records ORDER BY entity, id'),
    changes: all('SELECT origin, seq, hlc, actor, entity, id, op, fields FROM changes ORDER BY origin, seq'),
    refused: all('SELECT origin, seq, kind, code, reason, change FROM refused_changes ORDER BY origin, seq'),
    index: all('SELECT id, sort_name, updated_at, summary FROM expert_index ORDER BY id'),
    facets: all('SELECT facet, value, i.id FROM expert_facet JOIN expert_index i ON i.rowid = expert_rowid ORDER BY 1, 2, 3'),
    matchSources: all('SELECT i.id, m.data FROM expert_match_source m JOIN expert_index i ON i.rowid = m.rowid ORDER BY i.id'),
    search: searchWords.map((w) => [w, search('expert_fts', w), search('expert_name_fts', w)]),
  };
}

describe('convergence', () => {
  it('every node ends with the same records, search index, change log and refused set', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5 * DAY, max: 5 * DAY }), { minLength: names.length, maxLength: names.length }),
        fc.array(stepArb, { minLength: 5, maxLength: 45 }),
        (skews, steps) => {
          const w = world(skews);
          // Each expert starts complete on some node (so the search index has rows to disagree on).
          (['l1', 'l2', 'hub', 'central'] as const).forEach((node, record) =>
            w.run({ kind: 'edit', node, edit: { actor: 'curator', entity: 'expert', record, fields: { givenName: `Siti ${node}`, country: 'ID' } } }),
          );
          for (const step of steps) w.run(step);
          w.quiesce();
          const expected = snapshot(w.nodes.central.db);
          for (const name of names.slice(1)) expect(snapshot(w.nodes[name].db), name).toEqual(expected);
          seen.indexed += expected.index.length;
          seen.searchHits += expected.search.filter(([, a, b]) => (a as unknown[]).length + (b as unknown[]).length > 0).length;
          for (const r of expected.refused as { code: string }[]) seen.refusedCodes.add(r.code);
          // A change written on l1 reached l2 only through the hub and central.
          const l1 = w.nodes.l1.funnel.nodeId;
          seen.relayed += (w.nodes.l2.db.prepare('SELECT count(*) FROM changes WHERE origin = ?').pluck().get(l1) as number) > 0 ? 1 : 0;
          for (const name of names) w.nodes[name].db.close();
        },
      ),
      { numRuns: Number(process.env.CONVERGENCE_RUNS ?? 40) },
    );
    expect(seen.indexed).toBeGreaterThan(0);
    expect(seen.searchHits).toBeGreaterThan(0);
    expect(seen.replaced).toBeGreaterThan(0);
    expect(seen.clockWarnings).toBeGreaterThan(0);
    expect(seen.relayed).toBeGreaterThan(0);
    expect([...seen.refusedCodes].sort()).toEqual(['INVALID_VALUE', 'ROLE', 'UNKNOWN_ENTITY', 'UNKNOWN_FIELD']);
  });
});
