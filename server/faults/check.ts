import type { Db } from '../../electron/core/db/open';
import { isCompleteExpert } from '../../electron/core/services/experts/read';
import { firstDifference, missingBlobs, readState, type NodeState } from './state';
import { writeKey, type World } from './world';

/**
 * The properties that must hold after quiescence, each returned as a sentence naming the node
 * and the first offending row, so a failing seed says what went wrong, not just that it did.
 */
export function checkConverged(world: World): string[] {
  const problems: string[] = [];
  const states = world.eachNode((name, db, projection) => ({ name, state: readState(db, { projection }), integrity: integrity(db), missing: missingBlobs(db), log: logKeys(db), where: whereKeys(db), both: inBoth(db) }));
  const reference = states[0]!;
  for (const s of states) {
    if (s.integrity !== 'ok') problems.push(`${s.name}: PRAGMA integrity_check says ${s.integrity}`);
    if (s.missing.length) problems.push(`${s.name}: records name ${s.missing.length} photo(s) it lacks, e.g. ${s.missing[0]}`);
    if (s.both.length) problems.push(`${s.name}: ${s.both.length} entries are both applied and refused, e.g. ${s.both[0]}`);
    for (const part of ['records', 'changes', 'refused'] as const) {
      const diff = firstDifference(reference.state[part], s.state[part]);
      if (diff) problems.push(`${part} differ between ${reference.name} and ${s.name}: ${diff}`);
    }
  }
  const devices = states.filter((s) => s.state.projection);
  for (const s of devices.slice(1)) {
    const diff = firstDifference(devices[0]!.state.projection!, s.state.projection!);
    if (diff) problems.push(`search index differs between ${devices[0]!.name} and ${s.name}: ${diff}`);
  }
  for (const s of devices) problems.push(...indexMatchesRecords(s.name, s.state));

  // Every accepted write is in every node's log (applied or refused), exactly as often as it was written.
  const wanted = new Map<string, number>();
  for (const w of world.accepted) wanted.set(w.key, (wanted.get(w.key) ?? 0) + 1);
  for (const s of states) {
    const held = new Map<string, number>();
    for (const k of s.log) held.set(k, (held.get(k) ?? 0) + 1);
    for (const [key, n] of wanted) {
      const h = held.get(key) ?? 0;
      if (h < n) problems.push(`${s.name}: a write accepted ${n} time(s) is held ${h} time(s) (lost): ${key.slice(0, 200)}`);
      if (h > n) problems.push(`${s.name}: a write accepted ${n} time(s) is held ${h} time(s) (duplicated, at ${s.where.get(key)?.join(' and ')}): ${key.slice(0, 200)}`);
    }
    for (const [key, h] of held) if (!wanted.has(key)) problems.push(`${s.name}: holds ${h} change(s) no device wrote: ${key.slice(0, 200)}`);
  }

  // Refusals carry a reason and a stable code, and only a focal point's out-of-scope writes are refused.
  const roleOf = new Map(world.slots.map((s) => [s.user.id, s.role]));
  const refused = reference.state.refused.map((r) => JSON.parse(r) as [string, number, string, string, string, string]);
  for (const [origin, seq, kind, code, reason, change] of refused) {
    const actor = (JSON.parse(change) as { actor: string }).actor;
    if (kind !== 'rejected' || !reason.trim() || !code) problems.push(`refused ${origin}/${seq} lacks a kind, code or reason: ${kind} ${code} "${reason}"`);
    if (roleOf.get(actor) !== 'focal_point' || code !== 'OUT_OF_SCOPE') {
      problems.push(`a write of a ${roleOf.get(actor) ?? 'unknown user'} was refused (${code}: ${reason}): ${origin}/${seq}`);
    }
  }
  return problems;
}

function integrity(db: Db): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
}

/** What a node's log holds of directory writes (users are written by the server, not by devices). */
function logKeys(db: Db): string[] {
  const applied = db.prepare("SELECT entity, id, op, actor, fields FROM changes WHERE entity <> 'user'").all() as { entity: string; id: string; op: string; actor: string; fields: string }[];
  const refused = (db.prepare('SELECT change FROM refused_changes').pluck().all() as string[]).map((c) => JSON.parse(c) as { entity: string; id: string; op: string; actor: string; fields: unknown });
  return [...applied, ...refused.filter((r) => r.entity !== 'user')].map(writeKey);
}

/** Where in the log each write is (origin/seq), to say which copies a duplicate is. */
function whereKeys(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = db.prepare("SELECT origin, seq, entity, id, op, actor, fields FROM changes WHERE entity <> 'user'").all() as { origin: string; seq: number; entity: string; id: string; op: string; actor: string; fields: string }[];
  for (const r of rows) {
    const k = writeKey(r);
    out.set(k, [...(out.get(k) ?? []), `${r.origin}/${r.seq}`]);
  }
  return out;
}

function inBoth(db: Db): string[] {
  return db.prepare("SELECT r.origin || '/' || r.seq FROM refused_changes r JOIN changes c USING (origin, seq)").pluck().all() as string[];
}

/**
 * The index lists exactly the complete expert records. A fragment (fields of an expert whose
 * creation was refused, updated by someone allowed to) is a record but not a search result.
 */
function indexMatchesRecords(name: string, state: NodeState): string[] {
  const experts = state.records
    .map((r) => JSON.parse(r) as [string, string, string])
    .filter(([entity, , data]) => entity === 'expert' && isCompleteExpert(JSON.parse(data) as Record<string, unknown>))
    .map(([, id]) => id)
    .sort();
  const indexed = state.projection!.map((r) => JSON.parse(r) as unknown[]).filter((r) => r[0] === 'index').map((r) => r[1] as string).sort();
  const diff = firstDifference(experts, indexed);
  return diff ? [`${name}: the search index does not list exactly the expert records: ${diff}`] : [];
}
