import type { DuplicateCandidate } from '../../../../shared/contract/vetting';
import { AppError } from '../../../../shared/contract/result';
import { personOf } from '../../../../shared/model/dedupe';
import type { DuplicateMark } from '../../../../shared/model/vetting/application';
import type { VettingEvent } from '../../../../shared/model/vetting/events';
import { finalStages, type Stage } from '../../../../shared/model/vetting/state';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { findDuplicates } from '../dedupe/find';
import type { StoredApplication } from './store';

const statements = perConnection((db) => ({
  expert: db.prepare("SELECT json_extract(summary, '$.displayName') AS name, json_extract(summary, '$.country') AS country, json_extract(summary, '$.agency') AS agency FROM expert_index WHERE id = ?"),
  application: db.prepare(`SELECT json_extract(i.summary, '$.displayName') AS name, i.country, i.stage, json_extract(r.data, '$.agency') AS agency
    FROM application_index i LEFT JOIN records r ON r.entity = 'application' AND r.id = i.id WHERE i.id = ?`),
}));

/** Candidates looked at before leaving out closed applications: enough to still show the best 20. */
const LOOKED_AT = 40;
const SHOWN = 20;

/**
 * The people who may be the same as the applicant: experts of the directory and other open
 * applications (a closed one — not eligible, rejected, withdrawn, published — is history; a
 * published one is its expert now), from the dedupe index (services/dedupe), best first,
 * each with why it matches and the curator's mark. The expert this application itself
 * created or updated is not a candidate.
 */
export function applicationDuplicates(db: Db, app: StoredApplication, events: readonly VettingEvent[]): DuplicateCandidate[] {
  // Every expert a decision or publication of this application named (the state's decision
  // among them), the sides of an open conflict included: two offline accepts leave no single
  // decision in the state until the conflict is resolved.
  const own = new Set<string>();
  for (const e of events) {
    const expertId = e.type === 'decided' || e.type === 'published' ? e.payload.expertId : undefined;
    if (expertId) own.add(expertId);
  }
  const marks = new Map(app.fields.duplicateMarks.map((m) => [`${m.entity}:${m.id}`, m.verdict]));
  const s = statements(db);
  const out: DuplicateCandidate[] = [];
  for (const c of findDuplicates(db, personOf(app.fields), { self: { entity: 'application', id: app.id }, limit: LOOKED_AT })) {
    if (c.entity === 'expert' && own.has(c.id)) continue;
    const row = (c.entity === 'expert' ? s.expert.get(c.id) : s.application.get(c.id)) as { name: string; country: string | null; agency: string | null; stage?: Stage } | undefined;
    if (!row) continue;
    if (row.stage && finalStages.has(row.stage)) continue;
    out.push({ entity: c.entity, id: c.id, displayName: row.name, country: row.country, agency: row.agency ?? '', score: c.score, likely: c.likely, reasons: c.reasons, mark: marks.get(`${c.entity}:${c.id}`) ?? null });
    if (out.length === SHOWN) break;
  }
  return out;
}

/**
 * The application's fields after the curator's verdict on a candidate: the marks with this one
 * set (or cleared by null), and matchedExpertId following the "same person" expert — one at
 * most: marking another expert "same" moves the match and clears the earlier "same" mark.
 */
export function markedFields(
  db: Db,
  app: StoredApplication,
  candidate: { entity: 'expert' | 'application'; id: string },
  verdict: 'same' | 'different' | null,
): { duplicateMarks: DuplicateMark[]; matchedExpertId: string | null } {
  if (candidate.entity === 'application' && candidate.id === app.id) throw new AppError('INVALID_INPUT', 'An application cannot be a duplicate of itself. Choose another candidate.');
  const s = statements(db);
  if (verdict !== null && !(candidate.entity === 'expert' ? s.expert.get(candidate.id) : s.application.get(candidate.id))) {
    throw new AppError('NOT_FOUND', `This ${candidate.entity} no longer exists here, so it cannot be marked. Reload the application.`);
  }
  let marks = app.fields.duplicateMarks.filter((m) => !(m.entity === candidate.entity && m.id === candidate.id));
  let matched = app.fields.matchedExpertId;
  if (candidate.entity === 'expert' && matched === candidate.id) matched = null;
  if (verdict === 'same' && candidate.entity === 'expert') {
    marks = marks.filter((m) => !(m.entity === 'expert' && m.verdict === 'same'));
    matched = candidate.id;
  }
  if (verdict !== null) marks.push({ ...candidate, verdict });
  // The schema holds 100 marks: the oldest verdicts give way first.
  return { duplicateMarks: marks.slice(-100), matchedExpertId: matched };
}
