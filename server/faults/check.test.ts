import { afterEach, describe, expect, it } from 'vitest';
import { checkConverged } from './check';
import { createWorld, type World } from './world';

/**
 * The convergence checks can fail: after a clean run, each kind of damage is reported. (A
 * property whose check cannot fail proves nothing.) No faults here; convergence.test.ts has them.
 */
const noFaults = { seed: 1, p: { 'drop-request': 0, 'drop-response': 0, duplicate: 0, 'replay-later': 0, delay: 0 } };

let world: World | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

async function settledWorld(): Promise<World> {
  const w = (world = await createWorld({ devices: 3, faults: noFaults, log: [] }));
  w.edit(0, { op: 'create', givenName: 'Nguyễn Thị Lan', country: 'VN', more: { expertise: ['digital'], photo: 1 } });
  w.edit(2, { op: 'create', givenName: 'สมชาย', country: 'TH', more: {} });
  w.edit(2, { op: 'create', givenName: 'Trần Văn Hùng', country: 'VN', more: {} });
  w.edit(1, { op: 'create', givenName: '陈伟', country: 'SG', more: {} });
  await w.quiesce();
  w.edit(1, { op: 'update', target: 0, patch: { agency: 'ສົມພອນ' } });
  w.edit(0, { op: 'portfolio.add', target: 1, item: { kind: 'award', title: 'முருகன்', year: 2020, description: '', link: '' } });
  await w.quiesce();
  return w;
}

describe('the convergence checks', () => {
  it('pass on a clean run where a Thai focal point’s Vietnamese expert is refused everywhere with its reason', async () => {
    const w = await settledWorld();
    expect(checkConverged(w)).toEqual([]);
    expect(w.outcomes().refused).toBe(1);
  });

  it('report a lost write, a duplicated one, a stranger change, and a search index out of step', async () => {
    const w = await settledWorld();
    const [, d1, d2] = w.slots.map((s) => s.device.db);
    const last = d1!.prepare("SELECT origin, seq FROM changes WHERE entity <> 'user' ORDER BY rowid DESC LIMIT 1").get() as { origin: string; seq: number };
    d1!.prepare('DELETE FROM changes WHERE origin = ? AND seq = ?').run(last.origin, last.seq);
    const one = d2!.prepare("SELECT * FROM changes WHERE entity = 'expert' LIMIT 1").get() as Record<string, unknown>;
    d2!.prepare('INSERT INTO changes (origin, seq, hlc, actor, entity, id, op, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('ffffffffffffffff', 1, one.hlc, one.actor, one.entity, one.id, one.op, one.fields);
    d2!.prepare("UPDATE expert_index SET sort_name = 'zzz' WHERE rowid = (SELECT min(rowid) FROM expert_index)").run();
    const problems = checkConverged(w).join('\n');
    expect(problems).toContain('changes differ between central and device-1');
    expect(problems).toMatch(/device-1: a write accepted 1 time\(s\) is held 0 time\(s\) \(lost\)/);
    expect(problems).toMatch(/device-2: a write accepted 1 time\(s\) is held 2 time\(s\) \(duplicated, at /);
    expect(problems).toContain('search index differs between hub-host and device-2');
  });

  it('report a curator’s write refused, and a photo a record names but a node lacks', async () => {
    const w = await settledWorld();
    const d0 = w.slots[0]!.device.db;
    d0.prepare('DELETE FROM attachments').run();
    const problems = checkConverged(w).join('\n');
    expect(problems).toMatch(/device-0: records name 1 photo\(s\) it lacks/);
    expect(problems).not.toContain('a write of a');
    // A refused row whose author is the admin, on every node: only focal points' out-of-scope writes may be refused.
    const change = d0.prepare("SELECT * FROM changes WHERE entity = 'expert' AND actor = ? LIMIT 1").get(w.slots[0]!.user.id) as Record<string, unknown>;
    w.eachNode((_, db) =>
      db.prepare("INSERT INTO refused_changes (origin, seq, kind, reason, change, received_at, code) VALUES ('eeeeeeeeeeeeeeee', 1, 'rejected', 'x', ?, 0, 'ROLE')").run(JSON.stringify({ ...change, fields: JSON.parse(change.fields as string) })),
    );
    expect(checkConverged(w).join('\n')).toMatch(/a write of a admin was refused \(ROLE: x\): eeeeeeeeeeeeeeee\/1/);
  });
});
