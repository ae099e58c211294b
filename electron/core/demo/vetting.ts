import { expertDefaults, profileSections } from '../../../shared/model/expert';
import { applicationFieldsSchema } from '../../../shared/model/vetting/application';
import { nextEvent } from '../../../shared/model/vetting/build';
import { applicationState } from '../../../shared/model/vetting/compute';
import { eventFields, type EventType, type Payloads, type VettingEvent } from '../../../shared/model/vetting/events';
import { conflictsOf } from '../../../shared/model/vetting/interest';
import { checkNextEvent } from '../../../shared/model/vetting/rules';
import { defaultVettingSettings } from '../../../shared/model/vetting/settings';
import type { Stage } from '../../../shared/model/vetting/state';
import type { ChangeFunnel } from '../changes/funnel';
import type { Db } from '../db/open';
import { generateExperts } from './generate';
import { Rng } from './prng';
import { demoId, demoTeam, type DemoUser } from './vetting-people';

/**
 * Demo vetting data (development and demo builds only, through demo.load): the demo team and
 * ~40 applications in every stage an application can reach — a conflict between two curators'
 * offline decisions included — each step a sealed event written through the funnel by the
 * demo user who took it. The same (seed, now) always gives the same records.
 */

const DAY = 86_400_000;
/** How many applications end in each stage (40 in all). */
const plan: [Stage, number][] = [
  ['submitted', 6],
  ['info_requested', 3],
  ['eligible', 4],
  ['not_eligible', 3],
  ['in_review', 7],
  ['returned', 2],
  ['accepted', 3],
  ['rejected', 3],
  ['published', 5],
  ['withdrawn', 2],
  ['conflict', 2],
];
/** How many later steps each path takes at most (so they all fit between the submission and now). */
const stepsTo: Record<Stage, number> = { new: 0, submitted: 0, info_requested: 1, eligible: 1, not_eligible: 1, withdrawn: 2, in_review: 4, returned: 6, accepted: 6, rejected: 6, published: 7, conflict: 6 };

export function vettingDemoPresent(db: Db): boolean {
  return db.prepare("SELECT 1 FROM records WHERE entity = 'application' LIMIT 1").get() !== undefined;
}

export function loadVettingDemo(db: Db, funnel: ChangeFunnel, o: { seed: number; now: number }): { users: number; applications: number } {
  const rng = new Rng((o.seed ^ 0x7e77) >>> 0);
  const team = demoTeam(rng, o.now - 200 * DAY);
  const by = Object.fromEntries(team.map((u) => [u.key, u])) as Record<string, DemoUser>;
  for (const u of team) funnel.write(u.id, [{ entity: 'user', id: u.id, fields: u.fields }]);
  const reviewers = team.filter((u) => u.fields.role === 'reviewer');
  const shape = applicationFieldsSchema.shape;
  const applicants = generateExperts(40, (o.seed * 31 + 7) >>> 0);
  // Accepted applicants are demo experts already in the directory (loaded just before), so
  // demo data adds no expert to the number the directory was asked to hold. A directory with
  // fewer than 8 gives them to published and accepted applications in turn, and the rest stay
  // in review; only an empty directory gets experts made for them.
  const directory = (db.prepare("SELECT id, data FROM records WHERE entity = 'expert' AND json_extract(data, '$.demo') = 1 ORDER BY json_extract(data, '$.email'), id LIMIT 8").all() as { id: string; data: string }[]).map(
    (r) => ({ id: r.id, expert: JSON.parse(r.data) as Record<string, unknown> }),
  );
  const targets = plan.flatMap(([stage, count]) => Array<Stage>(count).fill(stage));
  const becoming = new Map<number, { id: string; expert: Record<string, unknown> }>();
  const slots = (stage: Stage) => targets.flatMap((t, i) => (t === stage ? [i] : []));
  const [published, accepted] = [slots('published'), slots('accepted')];
  const priority = Array.from({ length: Math.max(published.length, accepted.length) }, (_, i) => [published[i], accepted[i]]).flat().filter((i) => i !== undefined);
  for (const i of priority) {
    const next = directory.shift();
    if (next) becoming.set(i, next);
    else if (becoming.size > 0) targets[i] = 'in_review';
  }
  for (let n = 0; n < targets.length; n++) {
    const target = targets[n]!;
    const generated = (applicants.next().value as { expert: Record<string, unknown> }).expert;
    const becomes = becoming.get(n);
    const expert = becomes?.expert ?? generated;
    const fullName = `${String(expert.givenName)} ${String(expert.familyName ?? '')}`.trim();
    const start = o.now - (15 + rng.int(0, 100)) * DAY - rng.int(0, DAY);
    // Steps spread over the time left, so "days in stage" differ and stay before now.
    const stepGap = Math.floor((o.now - start) / (stepsTo[target] + 1));
    let at = start;
    const later = () => (at += rng.int(Math.floor(stepGap / 2), stepGap));
    const applicantType = rng.pick(['academic', 'practitioner', 'both'] as const);
    const signed = { signedName: fullName, signedAt: start };
    const profile = Object.fromEntries(Object.entries(expert).filter(([k]) => k in shape));
    const fields = {
      ...profile,
      applicantType,
      nominatingCountry: expert.country,
      recommenderName: `Recommender ${n + 1} (demo)`,
      recommenderOrganisation: String(expert.agency || 'Civil service agency (demo)'),
      recommenderBody: rng.pick(['government', 'government', 'professional'] as const),
      recommendationLetter: null,
      declarations: { codeOfConduct: signed, independence: signed, responsibility: signed },
      declaredConflicts: [],
      consentSections: profileSections.filter((s) => s !== 'photo' && (s !== 'contact' || rng.chance(0.5))),
      cv: null,
      evidence: [
        applicantType === 'practitioner'
          ? { kind: 'certificate' as const, title: 'Certified HR practitioner (demo)', year: 2018, validated: true }
          : { kind: 'publication' as const, title: 'Merit systems in ASEAN civil services (demo)', year: 2021 },
      ],
      speakingExperience: rng.chance(0.6),
      source: rng.pick(['curator', 'kiosk', 'import'] as const),
      importKey: null,
      matchedExpertId: null,
      deletedAt: null,
    };
    const appId = demoId(rng, start);
    funnel.write(by.curator!.id, [{ entity: 'application', id: appId, fields: fields.source === 'import' ? { ...fields, importKey: `demo-import:${n}` } : fields }]);

    const events: VettingEvent[] = [];
    const step = <K extends EventType>(type: K, payload: Payloads[K], who: DemoUser, when = at) => {
      const state = applicationState(events);
      const event = nextEvent(state, { id: demoId(rng, when), applicationId: appId, type, payload, at: when, by: who.id });
      const verdict = checkNextEvent(state, event);
      if (!verdict.ok) throw new Error(`Demo vetting data: ${type} refused (${verdict.code}); the demo script is wrong.`);
      funnel.write(who.id, [{ entity: 'vetting_event', id: event.id, fields: eventFields(event) }]);
      events.push(event);
    };
    step('submitted', {}, fields.nominatingCountry === 'TH' ? by.somsak! : by.curator!);
    if (target === 'submitted') continue;
    const criteria = [
      { criterion: 'experience' as const, met: target !== 'not_eligible', note: target === 'not_eligible' ? 'Six years; ten are required.' : `${String(expert.yearsExperience ?? 12)} years in the civil service.` },
      { criterion: 'recommendation' as const, met: true, note: 'Letter from the agency head.' },
      { criterion: 'declarations' as const, met: true, note: '' },
    ];
    if (target === 'withdrawn') {
      if (rng.chance(0.5)) step('screened', { criteria, outcome: 'eligible' }, by.curator!, later());
      step('withdrawn', { reason: 'The applicant took up a post abroad.' }, by.curator!, later());
      continue;
    }
    if (target === 'info_requested') {
      step('screened', { criteria, outcome: 'info_requested', what: 'A copy of the certificate of service.' }, by.curator!, later());
      continue;
    }
    step('screened', { criteria, outcome: target === 'not_eligible' ? 'not_eligible' : 'eligible' }, by.curator!, later());
    if (target === 'eligible' || target === 'not_eligible') continue;

    const free = reviewers.filter((r) => conflictsOf({ id: r.id, ...r.fields }, fields as never, defaultVettingSettings).length === 0);
    const assigned = [free[n % free.length]!, free[(n + 1) % free.length]!];
    for (const r of assigned) step('assigned', { reviewerId: r.id }, by.curator!, later());
    const verdict = target === 'rejected' ? 'reject' : target === 'returned' ? 'more_info' : 'accept';
    const reviewsDue = target === 'in_review' ? (n % 3) - 1 : 2;
    for (const r of assigned.slice(0, Math.max(0, reviewsDue))) {
      const scores = Object.fromEntries(defaultVettingSettings.rubric.map((k) => [k.key, verdict === 'reject' ? rng.int(1, 3) : rng.int(3, 5)]));
      step('review_submitted', { reviewerId: r.id, scores, comments: verdict === 'reject' ? 'Little regional experience so far.' : 'Solid record; would serve the pool well.', recommendation: verdict }, r, later());
    }
    if (target === 'in_review') continue;
    if (target === 'conflict') {
      // Two curators decide offline from the same state: both events follow the same heads.
      const when = later();
      const state = applicationState(events);
      for (const [who, outcome] of [[by.curator!, 'accept'], [by.curator2!, 'reject']] as const) {
        const event = nextEvent(state, { id: demoId(rng, when), applicationId: appId, type: 'decided', payload: { outcome, reason: outcome === 'accept' ? 'Meets every criterion.' : 'Needs more regional work first.' }, at: when + (outcome === 'reject' ? 3_600_000 : 0), by: who.id });
        funnel.write(who.id, [{ entity: 'vetting_event', id: event.id, fields: eventFields(event) }]);
        events.push(event);
      }
      continue;
    }
    if (target === 'returned') {
      step('decided', { outcome: 'return', reason: 'Please add the list of trainings delivered since 2020.' }, by.curator!, later());
      continue;
    }
    if (target === 'rejected') {
      step('decided', { outcome: 'reject', reason: 'The reviewers found too little experience beyond the home agency.' }, by.curator!, later());
      continue;
    }
    // Accepted (and published): the application becomes a demo expert.
    const expertId = becomes?.id ?? demoId(rng, at);
    const decidedAt = later();
    if (!becomes) funnel.write(by.curator!.id, [{ entity: 'expert', id: expertId, fields: { ...expertDefaults, ...expert, status: 'active', statusReason: '', demo: true } }]);
    step('decided', { outcome: 'accept', reason: 'Both reviewers recommend acceptance.', expertId }, by.curator!, decidedAt);
    if (target === 'published') step('published', { expertId, sections: fields.consentSections }, by.curator!, later());
  }
  return { users: team.length, applications: targets.length };
}
