/**
 * npm run bench:vetting [-- --quick]: how the vetting views over every application scale — the
 * dashboard, the conflict inbox and the reviewer pool — on N applications with their events
 * (cold: every state computed from the events; warm: nothing new; after one new event: only its
 * application recomputed), and automatic assignment of 100 applications. Figures are printed,
 * never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../shared/ids';
import { applicationFieldsSchema } from '../shared/model/vetting/application';
import { nextEvent } from '../shared/model/vetting/build';
import { applicationState } from '../shared/model/vetting/compute';
import { eventFields, type VettingEvent } from '../shared/model/vetting/events';
import { ChangeFunnel } from '../electron/core/changes/funnel';
import type { Write } from '../electron/core/changes/types';
import { openDatabase } from '../electron/core/db/open';
import { generateExperts } from '../electron/core/demo/generate';
import { autoAssign } from '../electron/core/services/vetting/assign';
import { conflictInbox } from '../electron/core/services/vetting/conflicts';
import { PROFILE_META_KEY, vettingContext } from '../electron/core/services/vetting/context';
import { dashboard } from '../electron/core/services/vetting/dashboard';
import { reviewerOptions } from '../electron/core/services/vetting/reviewers';
import { readEvents } from '../electron/core/services/vetting/store';
import { loadShippedTaxonomy } from '../electron/core/services/taxonomy-resource';

const N = process.argv.includes('--quick') ? 1000 : 5000;
const dir = mkdtempSync(join(tmpdir(), 'vetting-bench-'));
const db = openDatabase(join(dir, 'data.db'));
const funnel = new ChangeFunnel(db, []);
const ctx = vettingContext({ db, funnel, serverUser: () => null, changed: () => {} });
const taxonomy = loadShippedTaxonomy();
const curator = uuidv7();
const reviewers = Array.from({ length: 30 }, () => uuidv7());
funnel.write(curator, [
  { entity: 'user', id: curator, fields: { name: 'Bench Curator', role: 'curator', country: null, disabled: false } },
  ...reviewers.map((id, i) => ({ entity: 'user', id, fields: { name: `Reviewer ${i}`, role: 'reviewer', country: null, disabled: false, agency: `Agency ${i}`, expertise: ['hrm'] } })),
]);
db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(PROFILE_META_KEY, curator);

const scores = { expertise: 4, experience: 4, contribution: 3, communication: 3 };
const t0 = Date.now() - 200 * 86_400_000;
let batch: Write[] = [];
let i = 0;
const eligibleIds: string[] = [];
for (const { expert } of generateExperts(N, 11)) {
  const id = uuidv7();
  batch.push({ entity: 'application', id, fields: { ...Object.fromEntries(Object.entries(expert).filter(([k]) => k in applicationFieldsSchema.shape)), applicantType: 'academic', nominatingCountry: expert.country, source: 'import', importKey: null, deletedAt: null } });
  const events: VettingEvent[] = [];
  let at = t0 + i * 1000;
  const step = (type: VettingEvent['type'], payload: object) => {
    const e = nextEvent(applicationState(events), { id: uuidv7(at), applicationId: id, type, payload, at: (at += 86_400_000), by: curator } as never);
    events.push(e);
    batch.push({ entity: 'vetting_event', id: e.id, fields: eventFields(e) });
  };
  step('submitted', {});
  const depth = i % 5;
  if (depth >= 1) step('screened', { criteria: [{ criterion: 'experience', met: true, note: '' }], outcome: 'eligible' });
  if (depth === 1) eligibleIds.push(id);
  if (depth >= 2) {
    const [a, b] = [reviewers[i % 30]!, reviewers[(i + 7) % 30]!];
    step('assigned', { reviewerId: a });
    step('assigned', { reviewerId: b });
    if (depth >= 3) step('review_submitted', { reviewerId: a, scores, comments: '', recommendation: 'accept' });
    if (depth >= 4) step('note', { text: 'Checked the references.' });
  }
  if (++i % 500 === 0) {
    funnel.write(curator, batch);
    batch = [];
  }
}
if (batch.length) funnel.write(curator, batch);
const events = db.prepare("SELECT count(*) FROM records WHERE entity = 'vetting_event'").pluck().get() as number;

const time = (f: () => unknown) => {
  const start = performance.now();
  f();
  return Math.round((performance.now() - start) * 10) / 10;
};
const figures: Record<string, number> = {};
figures['vetting.dashboard_cold_ms'] = time(() => dashboard(ctx, { country: [] }));
figures['vetting.dashboard_warm_ms'] = time(() => dashboard(ctx, { country: [] }));
figures['vetting.conflicts_warm_ms'] = time(() => conflictInbox(ctx));
const one = eligibleIds[0]!;
figures['vetting.reviewers_ms'] = time(() => reviewerOptions(ctx, one, taxonomy));
figures['vetting.dashboard_after_one_event_ms'] = time(() => {
  // The note follows the application's own events, as appendEvent writes it (not a second chain root).
  const e = nextEvent(applicationState(readEvents(db, eligibleIds[1]!)), { id: uuidv7(), applicationId: eligibleIds[1]!, type: 'note', payload: { text: 'One more.' }, at: Date.now(), by: curator });
  funnel.write(curator, [{ entity: 'vetting_event', id: e.id, fields: eventFields(e) }]);
  dashboard(ctx, { country: [] });
});
figures['vetting.auto_assign_100_ms'] = time(() => autoAssign(ctx, eligibleIds.slice(0, 100), taxonomy));

console.log(`A-EXPECS Curator — vetting views over ${N} applications (${events} events)`);
console.table(figures);
db.close();
rmSync(dir, { recursive: true, force: true });
