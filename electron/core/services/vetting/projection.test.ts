import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import { readExpert } from '../experts/read';
import { uuidv7 } from '../../../../shared/ids';
import { nextEvent } from '../../../../shared/model/vetting/build';
import { eventFields } from '../../../../shared/model/vetting/events';
import { applicationProjection } from './projection';
import { eligibleScreening, exchange, fullScores, sampleApplication, vettingNodes } from './testing-applications';

const world = vettingNodes();
afterEach(world.cleanup);

/** The projection's rows, as a list, its filters and its search read them (seq is each node's own row number). */
const rows = (db: Db) => ({
  index: db.prepare('SELECT id, stage, stage_since, submitted_at, country, nominating_country, sort_name, reviews_pending, updated_at, summary FROM application_index ORDER BY id').all(),
  reviewers: db.prepare('SELECT * FROM application_reviewer ORDER BY reviewer, id').all(),
  counts: db.prepare('SELECT * FROM application_stage_count ORDER BY stage, country, nominating_country').all(),
  search: Object.fromEntries(
    ['applicant', 'siti', 'rahayu', 'bkn', 'badan', '3', 'nobody'].map((word) => [
      word,
      db.prepare('SELECT id FROM application_index WHERE seq IN (SELECT rowid FROM application_fts WHERE application_fts MATCH ?) ORDER BY id').pluck().all(`"${word}"*`),
    ]),
  ),
});

describe('the applications projection', () => {
  it('kept up write by write equals the one rebuilt from the records', async () => {
    const n = world.node();
    const curator = n.user('Ana Curator', 'curator');
    const rita = n.user('Rita Reviewer', 'reviewer', { country: 'MY' });
    const omar = n.user('Omar Reviewer', 'reviewer', { country: 'PH' });
    n.as(curator);
    const countries = ['ID', 'VN', 'TH', 'KH', 'LA'] as const;
    for (let i = 0; i < 10; i++) {
      const c = countries[i % countries.length]!;
      const { id } = await n.call('applications.create', { fields: sampleApplication({ givenName: `Applicant ${i}`, country: c, nominatingCountry: c }) });
      if (i % 5 === 1) await n.call('applications.act', { applicationId: id, type: 'withdrawn', payload: { reason: 'x' } });
      if (i % 5 < 2) continue;
      await n.call('applications.act', { applicationId: id, type: 'screened', payload: eligibleScreening });
      if (i % 5 === 2) continue;
      await n.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: rita } });
      await n.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: omar } });
      await n.call('applications.act', { applicationId: id, type: 'review_submitted', payload: { reviewerId: rita, scores: fullScores, comments: '', recommendation: 'accept' } });
      if (i % 5 === 3) {
        await n.call('applications.act', { applicationId: id, type: 'unassigned', payload: { reviewerId: rita } });
        continue;
      }
      await n.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: '' } });
    }
    // A deleted application leaves the list.
    const gone = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Deleted' }) });
    n.funnel.write(curator, [{ entity: 'application', id: gone.id, fields: { deletedAt: 1 } }]);

    const incremental = rows(n.db);
    expect(incremental.index).toHaveLength(10);
    expect(new Set(incremental.index.map((r) => (r as { stage: string }).stage))).toEqual(new Set(['submitted', 'withdrawn', 'eligible', 'in_review', 'published']));
    expect(incremental.reviewers.some((r) => (r as { assigned: number }).assigned === 0)).toBe(true);
    // The counts the triggers keep are the rows' own.
    expect(incremental.counts).toEqual(
      n.db.prepare('SELECT stage, country, nominating_country, count(*) AS n FROM application_index GROUP BY stage, country, nominating_country ORDER BY stage, country, nominating_country').all(),
    );
    n.db.transaction(() => applicationProjection(n.db).rebuild())();
    expect(rows(n.db)).toEqual(incremental);
  });

  it('a batch of many applications reads their events at once: those it wrote, and those stored before (an event that arrived ahead of its application)', () => {
    const n = world.node();
    const curator = n.user('Ana Curator', 'curator');
    const submitted = (applicationId: string, at: number) => {
      const event = nextEvent({ heads: [] }, { id: uuidv7(), applicationId, type: 'submitted', payload: {}, at, by: curator });
      return { entity: 'vetting_event', id: event.id, fields: eventFields(event) };
    };
    const early = uuidv7();
    // Its event first, alone (as a sync can deliver it): no application, no row.
    n.funnel.write(curator, [submitted(early, 1_780_000_000_000)]);
    expect(rows(n.db).index).toEqual([]);
    // Then, in one batch: that application, others with their events, one without any.
    const ids = Array.from({ length: 6 }, () => uuidv7());
    n.funnel.write(curator, [
      { entity: 'application', id: early, fields: sampleApplication({ givenName: 'Early' }) },
      ...ids.flatMap((id, i) => [
        { entity: 'application', id, fields: sampleApplication({ givenName: `Applicant ${i}` }) },
        ...(i === 0 ? [] : [submitted(id, 1_780_000_100_000 + i)]),
      ]),
    ]);
    const incremental = rows(n.db);
    const stage = (id: string) => (incremental.index.find((r) => (r as { id: string }).id === id) as { stage: string; submitted_at: number | null });
    expect(stage(early)).toMatchObject({ stage: 'submitted', submitted_at: 1_780_000_000_000 });
    expect(stage(ids[0]!)).toMatchObject({ stage: 'new', submitted_at: null });
    expect(stage(ids[3]!)).toMatchObject({ stage: 'submitted', submitted_at: 1_780_000_100_003 });
    n.db.transaction(() => applicationProjection(n.db).rebuild())();
    expect(rows(n.db)).toEqual(incremental);
  });

  it('two nodes exchanging changes show the same list rows, a conflict included', async () => {
    const a = world.node('a');
    const b = world.node('b');
    const curator = a.user('Ana Curator', 'curator');
    const other = a.user('Chen Curator', 'curator');
    const rita = a.user('Rita Reviewer', 'reviewer', { country: 'MY' });
    a.as(curator);
    const { id } = await a.call('applications.create', { fields: sampleApplication() });
    await a.call('applications.act', { applicationId: id, type: 'screened', payload: eligibleScreening });
    await a.call('applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: rita } });
    exchange(a, b);
    b.as(rita);
    await b.call('applications.act', { applicationId: id, type: 'review_submitted', payload: { reviewerId: rita, scores: fullScores, comments: 'Good', recommendation: 'accept' } });
    exchange(b, a);
    const listed = async (n: typeof a) => {
      n.as(curator);
      return (await n.call('applications.list', {})).items;
    };
    expect(await listed(b)).toEqual(await listed(a));
    expect((await listed(a))[0]).toMatchObject({ id, stage: 'in_review', reviewerIds: [rita], reviewsPending: 0 });
    expect(rows(b.db)).toEqual(rows(a.db));

    // Offline, two curators decide differently; after syncing both list a conflict.
    a.as(curator);
    await a.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'Not enough regional work' } });
    b.as(other);
    await b.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'accept', reason: '' } });
    exchange(a, b);
    exchange(b, a);
    expect(await listed(a)).toEqual(await listed(b));
    expect((await listed(a))[0]!.stage).toBe('conflict');
    const onA = await a.call('applications.get', { id });
    expect(onA.state.conflict?.sides.map((s) => s.verdict)).toEqual(expect.arrayContaining(['decided:accept', 'decided:reject']));
    expect(onA.actions).toEqual(expect.arrayContaining(['decided', 'note']));

    const published = onA.events.find((e) => e.type === 'published')!;
    const expertId = (published.payload as { expertId: string }).expertId;
    expect(readExpert(a.db, expertId)?.status).toBe('active');

    // A decision following both sides resolves it, on both nodes; the expert the overturned accept created is archived.
    await a.call('applications.act', { applicationId: id, type: 'decided', payload: { outcome: 'reject', reason: 'Agreed at the meeting' } });
    exchange(a, b);
    expect((await listed(b))[0]!.stage).toBe('rejected');
    expect(rows(b.db)).toEqual(rows(a.db));
    expect(readExpert(b.db, expertId)).toMatchObject({ status: 'archived', statusReason: expect.stringContaining('rejected') });
  });
});
