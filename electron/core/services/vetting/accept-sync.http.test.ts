import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { DATABASE_FILE } from '../../app';
import { syncTestbed } from '../../sync/testing';
import { eligibleScreening, fullScores, sampleApplication } from './testing-applications';

/**
 * The whole way: three devices (real cores on their own data folders) enrolled to the real sync
 * server on 127.0.0.1. Two curators accept the same application while apart, then sync over
 * HTTP: one expert, one conflict shown alike on both, and the same once it is resolved.
 */
const { start, server, syncNow, enroll } = syncTestbed();
type Device = ReturnType<typeof start>;

/** The records as stored in a device's data file (values and per-field stamps), read beside the running core. */
function stored(d: Device, entities = ['application', 'vetting_event', 'expert', 'portfolio']) {
  const db = new Database(join(d.dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db.prepare(`SELECT entity, id, data, stamps FROM records WHERE entity IN (${entities.map(() => '?').join(', ')}) ORDER BY entity, id`).all(...entities) as { entity: string; id: string; data: string; stamps: string }[];
    return rows.map((r) => ({ entity: r.entity, id: r.id, data: JSON.parse(r.data) as Record<string, unknown>, stamps: JSON.parse(r.stamps) as unknown }));
  } finally {
    db.close();
  }
}
const experts = (d: Device) => stored(d, ['expert']).map((r) => ({ id: r.id, status: r.data.status, deleted: r.data.deletedAt != null }));
const acceptedExperts = (d: ApplicationDetail) => [...new Set(d.events.flatMap((e) => (e.type === 'decided' && e.payload.outcome === 'accept' && e.payload.expertId ? [e.payload.expertId] : [])))];

describe('two curators accepting one application apart, synced through the server', () => {
  it('end with one expert, the same conflict on both, and agree on its resolution', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Curator' });
    const ben = await central.user({ name: 'Ben Curator' });
    const rita = await central.user({ name: 'Rita Reviewer', role: 'reviewer', country: 'MY' });
    const [a, b, r] = [start(), start(), start()];
    await enroll(a, central.url, ana.code);
    await enroll(b, central.url, ben.code);
    await enroll(r, central.url, rita.code);

    const { id } = await a.call('applications.create', { fields: sampleApplication() });
    await a.call('applications.act', { applicationId: id, type: 'screened', payload: eligibleScreening });
    await a.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: rita.id } });
    await syncNow(a);
    await syncNow(r);
    await r.call('applications.act', { applicationId: id, type: 'review_submitted', payload: { reviewerId: rita.id, scores: fullScores, comments: 'Strong', recommendation: 'accept' } });
    await syncNow(r);
    await syncNow(a);
    await syncNow(b);
    expect((await b.call('applications.get', { id })).state.stage).toBe('in_review');

    // Apart (neither syncs), both accept.
    const onA = await a.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: 'Strong record' } });
    const onB = await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: 'Reviewer agrees' } });
    const expertId = onA.state.publication!.expertId;
    expect(onB.state.publication!.expertId).toBe(expertId);

    for (const d of [a, b, a]) expect((await syncNow(d)).problem).toBeNull();
    const [gotA, gotB] = [await a.call('applications.get', { id }), await b.call('applications.get', { id })];
    expect(gotA.state.stage).toBe('conflict');
    expect(gotB.state).toEqual(gotA.state);
    expect(await b.call('vetting.conflicts', {})).toEqual(await a.call('vetting.conflicts', {}));
    expect((await a.call('vetting.conflicts', {})).items.flatMap((i) => i.sides.map((s) => s.byName)).sort()).toEqual(['Ana Curator', 'Ana Curator', 'Ben Curator', 'Ben Curator']);
    expect(acceptedExperts(gotA)).toEqual([expertId]);
    expect(experts(a)).toEqual([{ id: expertId, status: 'active', deleted: false }]);
    expect(stored(b)).toEqual(stored(a));

    // Ben resolves it with a reject that supersedes both accepts; Ana's laptop learns it.
    const resolved = await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'Settled at the secretariat meeting' } });
    expect(resolved.state.stage).toBe('rejected');
    await syncNow(b);
    await syncNow(a);
    const [endA, endB] = [await a.call('applications.get', { id }), await b.call('applications.get', { id })];
    expect(endA.state).toMatchObject({ stage: 'rejected', conflict: null });
    expect(endB.state).toEqual(endA.state);
    expect(endA.chain.ok).toBe(true);
    // The one expert leaves the directory on both (archived, kept): no orphan, no twin.
    expect(experts(a)).toEqual([{ id: expertId, status: 'archived', deleted: false }]);
    expect(stored(b)).toEqual(stored(a));
    expect((await a.call('vetting.conflicts', {})).items).toEqual([]);
    for (const d of [a, b]) expect((await d.call('sync.status', {})).problems).toBe(0);
  });
});
