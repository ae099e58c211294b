import Database from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import { formatHlc } from '../../../shared/sync/hlc';
import { canonicalJson } from './canonical';
import type { VersionVector } from '../../../shared/sync/protocol';
import type { Db } from '../db/open';
import { expertProjection } from '../services/experts/projection';
import { loadShippedTaxonomy } from '../services/taxonomy-resource';
import type { Edit } from './convergence-values';
import { ChangeFunnel } from './funnel';
import type { Authorize } from './receive';
import { memoryNode } from './testing';

/**
 * The nodes of the convergence test (convergence.test.ts), in process, synced the way the sync
 * client does it: push what the remote lacked when last heard from (from 'downstream' there),
 * pull its feed from a cursor (from 'upstream' here); ORIGIN_FORKED on a push → pull, push again.
 * Central authorises like a server (here: a reviewer writes nothing); the hub relays.
 */

const taxonomy = loadShippedTaxonomy();
export const DAY = 86_400_000;
const T0 = 1_750_000_000_000;
export const names = ['central', 'hub', 'l1', 'l2', 'l3', 'l4'] as const;
export type Name = (typeof names)[number];
/** Who syncs with whom: the hub and l2 with central, l1 with the hub, l3 with either; l4 (a copy, when made) with either. */
export const links: [Name, Name][] = [['hub', 'central'], ['l1', 'hub'], ['l2', 'central'], ['l3', 'hub'], ['l3', 'central'], ['l4', 'central'], ['l4', 'hub']];

const authorize: Authorize = (c) =>
  c.actor === 'reviewer' ? { kind: 'rejected', code: 'ROLE', reason: 'A reviewer cannot change the directory.' } : { kind: 'ok' };

export type Step =
  | { kind: 'edit'; node: Name; edit: Edit }
  | { kind: 'sync'; link: number; push: boolean; pull: boolean; page: number; duplicate: boolean; swap: boolean }
  | { kind: 'phantom'; to: 'hub' | 'central'; entry: { fields: Record<string, unknown>; record: number; entity: string } }
  | { kind: 'copy'; from: 'l1' | 'l2' | 'l3' }
  | { kind: 'tick'; ms: number };

export const recordId = (n: number) => `01900000-0000-7000-8000-${String(n + 1).padStart(12, '0')}`;

/** What the runs exercised, summed, so that the property cannot pass vacuously. */
export const seen = { replaced: 0, clockWarnings: 0, forkedPushes: 0, rekeyed: 0 };

/** What a write is, wherever it sits in the log (a fork moves it to another address). */
export const writeKey = (c: { entity: string; id: string; actor: string; fields: unknown }) =>
  `${c.entity}|${c.id}|${c.actor}|${canonicalJson(typeof c.fields === 'string' ? JSON.parse(c.fields) : c.fields)}`;

export function world(skews: number[]) {
  let real = T0;
  const nodes: Partial<Record<Name, { db: Db; funnel: ChangeFunnel }>> = {};
  names.slice(0, 5).forEach((name, i) => (nodes[name] = memoryNode(() => real + skews[i]!, (db) => [expertProjection(db, taxonomy)])));
  const node = (n: Name) => nodes[n]!;
  const cursors = links.map(() => 0);
  const known: VersionVector[] = links.map(() => ({}));
  let phantomSeq = 0;
  const PHANTOM = 'f0f0f0f0f0f0f0f0';
  /** Every write made in this run (how often), and what each address was first written with. */
  const written = new Map<string, number>();
  const addresses = new Map<string, string>();
  const run0 = { rekeyed: 0, forks: 0 };
  const wrote = (c: { origin: string; seq: number; entity: string; id: string; actor: string; fields: unknown }) => {
    const key = writeKey(c);
    written.set(key, (written.get(key) ?? 0) + 1);
    const address = `${c.origin}/${c.seq}`;
    // Two copies of one data folder wrote different changes under one (origin, seq): a fork to resolve.
    if (addresses.has(address) && addresses.get(address) !== key) run0.forks++;
    addresses.set(address, key);
  };

  /** As the sync engine: a node that syncs with central too settles its own addresses on central's word only (fork.ts). */
  const decides = (l: number) => links[l]![1] === 'central' || !links.some(([client, remote]) => client === links[l]![0] && remote === 'central');
  const receiveAt = (to: Name, entries: unknown[], from: 'downstream' | 'upstream', decidesHere = true) => {
    const r = node(to).funnel.receive(entries, { from, authorize: to === 'central' ? authorize : undefined, decides: decidesHere });
    seen.replaced += r.replaced;
    seen.clockWarnings += r.clockWarnings.length;
    if (r.rekeyed) {
      seen.rekeyed++;
      run0.rekeyed++;
    }
    return r;
  };

  /** Push what the remote lacked when last heard from, in up to two chunks, maybe swapped and repeated. */
  function push(l: number, swap: boolean, duplicate: boolean, retry = true) {
    const [client, remote] = links[l]!;
    const entries = node(client).funnel.missingFrom(known[l]!, 1e6);
    const half = Math.ceil(entries.length / 2);
    const chunks = [entries.slice(0, half), entries.slice(half)].filter((c) => c.length);
    const order = swap ? [...chunks].reverse() : chunks;
    for (const chunk of duplicate ? [...order, ...order] : order) {
      try {
        receiveAt(remote, chunk, 'downstream');
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // A swapped chunk arrives before the one it follows: refused whole, sent again later.
        if (e.code === 'SEQ_GAP') continue;
        // A hub that does not decide keeps refusing until central settles the fork: wait for it.
        if (e.code === 'ORIGIN_FORKED' && !retry && !decides(l)) return;
        if (e.code !== 'ORIGIN_FORKED' || !retry) throw e;
        // This node is a copy: pulling gives it a new id and re-issues its writes; then push again.
        seen.forkedPushes++;
        pull(l, 50, false);
        known[l] = node(remote).funnel.vector();
        return push(l, false, false, false);
      }
    }
    known[l] = node(remote).funnel.vector();
  }
  function pull(l: number, page: number, duplicate: boolean) {
    const [client, remote] = links[l]!;
    for (;;) {
      const { entries } = node(remote).funnel.feedAfter(cursors[l]!, page);
      if (!entries.length) return;
      receiveAt(client, entries, 'upstream', decides(l));
      // Delivered twice (a response lost after commit, the page fetched again): a no-op.
      if (duplicate) receiveAt(client, entries, 'upstream', decides(l));
      cursors[l] = entries[entries.length - 1]!.feedSeq;
    }
  }
  /** A copied data folder: l4 starts as `from`'s database, same node id, on its own. */
  function copy(from: Name) {
    if (nodes.l4) return;
    const db = new Database(node(from).db.serialize());
    nodes.l4 = { db, funnel: new ChangeFunnel(db, [expertProjection(db, taxonomy)], () => real + skews[5]!) };
  }

  function run(step: Step) {
    if (step.kind === 'tick') real += step.ms;
    else if (step.kind === 'copy') copy(step.from);
    else if (step.kind === 'edit') {
      // Central is the root: a bad value it wrote itself would have no one above to refuse it,
      // and every other node would refuse it by value (its services never write one).
      if (!nodes[step.node] || (step.node === 'central' && step.edit.bad)) return;
      const { funnel, db } = node(step.node);
      funnel.write(step.edit.actor, [{ entity: step.edit.entity, id: recordId(step.edit.record), fields: step.edit.fields }]);
      wrote(db.prepare('SELECT origin, seq, entity, id, actor, fields FROM changes WHERE origin = ? ORDER BY seq DESC LIMIT 1').get(funnel.nodeId) as Parameters<typeof wrote>[0]);
    } else if (step.kind === 'phantom') {
      // A node this test does not run (a newer app) pushes straight to the hub and to central.
      const change = { origin: PHANTOM, seq: ++phantomSeq, hlc: formatHlc({ wall: real, counter: 0 }), actor: 'curator', entity: step.entry.entity, id: recordId(step.entry.record), op: 'put', fields: step.entry.fields };
      wrote(change);
      receiveAt(step.to, [change], 'downstream');
      receiveAt(step.to === 'hub' ? 'central' : 'hub', [change], 'downstream');
    } else if (nodes[links[step.link]![0]]) {
      if (step.push) push(step.link, step.swap, step.duplicate);
      if (step.pull) pull(step.link, step.page, step.duplicate);
    }
  }

  const present = () => names.filter((n) => nodes[n]);
  function quiesce() {
    const state = () => JSON.stringify(present().map((n) => [node(n).funnel.vector(), node(n).funnel.feedHead()]));
    for (let round = 0; round < 10; round++) {
      const before = state();
      for (let l = 0; l < links.length; l++) {
        if (!nodes[links[l]![0]]) continue;
        push(l, false, false);
        pull(l, 50, false);
      }
      if (state() === before) return;
    }
    throw new Error('The nodes did not reach quiescence in 10 rounds.');
  }
  /** How often each write made in this run is held in `db`'s log (applied or refused), where it is not held as often as it was made. */
  function miscounted(db: Db): string[] {
    const held = new Map<string, number>();
    const applied = db.prepare('SELECT entity, id, actor, fields FROM changes').all() as { entity: string; id: string; actor: string; fields: string }[];
    const refused = (db.prepare('SELECT change FROM refused_changes').pluck().all() as string[]).map((c) => JSON.parse(c) as { entity: string; id: string; actor: string; fields: unknown });
    for (const c of [...applied, ...refused]) held.set(writeKey(c), (held.get(writeKey(c)) ?? 0) + 1);
    const out: string[] = [];
    for (const key of new Set([...written.keys(), ...held.keys()])) {
      if ((held.get(key) ?? 0) !== (written.get(key) ?? 0)) out.push(`written ${written.get(key) ?? 0}, held ${held.get(key) ?? 0}: ${key}`);
    }
    return out;
  }
  return { node, present, run, quiesce, miscounted, thisRun: run0, close: () => present().forEach((n) => node(n).db.close()) };
}
