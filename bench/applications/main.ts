/**
 * The applications list's figures (services/vetting/list.ts over the projection of migration
 * 010) with N applications spread over every stage, written through the real funnel with every
 * projection the core has:
 * - applications.write_per_s: applications (record + their events) through the funnel;
 * - applications.list_ms: the first page with its total and stage counts, no filter;
 * - applications.list_filtered_ms: one stage and two countries;
 * - applications.list_query_ms: a name typed in the search box (folded, any part);
 * - applications.list_reviewer_ms: a reviewer's own list (their assignments only);
 * - applications.rebuild_s: the projection rebuilt from the records (an upgrade).
 * Each list figure is the median of several runs. Figures are reported, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../../shared/ids';
import { applicationDefaults } from '../../shared/model/vetting/application';
import { nextEvent } from '../../shared/model/vetting/build';
import { eventFields, type EventType, type Payloads, type VettingEvent } from '../../shared/model/vetting/events';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import type { Write } from '../../electron/core/changes/types';
import { openDatabase } from '../../electron/core/db/open';
import { generateExperts } from '../../electron/core/demo/generate';
import { dedupeProjection } from '../../electron/core/services/dedupe/projection';
import { expertProjection } from '../../electron/core/services/experts/projection';
import { loadShippedTaxonomy } from '../../electron/core/services/taxonomy-resource';
import { listApplications } from '../../electron/core/services/vetting/list';
import { applicationProjection } from '../../electron/core/services/vetting/projection';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const REVIEWERS = Array.from({ length: 40 }, (_, i) => `01900000-0000-7000-8000-${(0xb000 + i).toString(16).padStart(12, '0')}`);
const CURATOR = '01900000-0000-7000-8000-00000000c001';

/** The events of one application, as far along as `depth` (0: submitted … 4: decided). */
function eventsFor(id: string, depth: number, at: number, reviewer: string): VettingEvent[] {
  const out: VettingEvent[] = [];
  const add = <K extends EventType>(type: K, payload: Payloads[K]) => {
    out.push(nextEvent({ heads: out.length ? [{ id: out.at(-1)!.id, hash: out.at(-1)!.hash }] : [] }, { id: uuidv7(), applicationId: id, type, payload, at: at + out.length * 86_400_000, by: CURATOR }));
  };
  add('submitted', {});
  if (depth >= 1) add('screened', { criteria: [], outcome: depth === 1 && id.endsWith('7') ? 'not_eligible' : 'eligible' } as Payloads['screened']);
  if (depth >= 2) add('assigned', { reviewerId: reviewer });
  if (depth >= 3) add('review_submitted', { reviewerId: reviewer, scores: { expertise: 4 }, comments: '', recommendation: 'accept' });
  if (depth >= 4) add('decided', { outcome: id.endsWith('3') ? 'accept' : 'reject', reason: 'bench' });
  return out;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function runApplicationsBench(quick: boolean): Figure[] {
  const n = quick ? 10_000 : 100_000;
  const figures: Figure[] = [];
  const put = (name: string, value: number, unit: string) => figures.push({ name, value: Math.round(value * 100) / 100, unit });
  const dir = mkdtempSync(join(tmpdir(), 'curator-bench-apps-'));
  const db = openDatabase(join(dir, 'curator.db'));
  try {
    const projection = applicationProjection(db);
    const funnel = new ChangeFunnel(db, [expertProjection(db, loadShippedTaxonomy()), dedupeProjection(db), projection]);
    const base = Date.UTC(2025, 0, 1);
    let i = 0;
    let writes: Write[] = [];
    const t0 = performance.now();
    for (const { expert } of generateExperts(n, 7)) {
      const id = uuidv7();
      const { photo: _photo, visibility: _visibility, ...profile } = expert as Record<string, unknown>;
      writes.push({ entity: 'application', id, fields: { ...applicationDefaults, ...profile, nominatingCountry: expert.country, applicantType: 'academic', source: 'import' } });
      for (const e of eventsFor(id, i % 5, base + i * 60_000, REVIEWERS[i % REVIEWERS.length]!)) writes.push({ entity: 'vetting_event', id: e.id, fields: eventFields(e) });
      if (++i % 500 === 0) {
        funnel.write(CURATOR, writes);
        writes = [];
      }
    }
    funnel.write(CURATOR, writes);
    put('applications.write_per_s', n / ((performance.now() - t0) / 1000), 'applications/s');

    const curator = { id: CURATOR, name: 'Bench', role: 'curator' as const, country: null };
    const list = (who: typeof curator | { id: string; name: string; role: 'reviewer'; country: null }, input: Partial<Parameters<typeof listApplications>[2]>) => {
      const runs: number[] = [];
      for (let r = 0; r < 7; r++) {
        const t = performance.now();
        listApplications(db, who, { query: '', filters: { stage: [], country: [], reviewer: [] }, mine: false, offset: 0, limit: 50, ...input });
        runs.push(performance.now() - t);
      }
      return median(runs);
    };
    put('applications.list_ms', list(curator, {}), 'ms');
    put('applications.list_filtered_ms', list(curator, { filters: { stage: ['in_review'], country: ['ID', 'VN'], reviewer: [] } }), 'ms');
    put('applications.list_query_ms', list(curator, { query: 'nguyen' }), 'ms');
    put('applications.list_reviewer_ms', list({ id: REVIEWERS[3]!, name: 'R', role: 'reviewer', country: null }, {}), 'ms');
    const t1 = performance.now();
    db.transaction(() => projection.rebuild())();
    put('applications.rebuild_s', (performance.now() - t1) / 1000, 's');
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
