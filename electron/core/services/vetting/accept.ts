import { AppError } from '../../../../shared/contract/result';
import { canonicalJson } from '../../../../shared/canonical';
import { uuidv7 } from '../../../../shared/ids';
import { defaultVisibility, expertDefaults, profileSections, type ExpertFields, type ProfileSection, type Visibility, type VisibilityLevel } from '../../../../shared/model/expert';
import type { VettingEvent } from '../../../../shared/model/vetting/events';
import type { Write } from '../../changes/types';
import type { Db } from '../../db/open';
import { isCompleteExpert, readRaw } from '../experts/read';
import type { StoredApplication } from './store';

/**
 * What an accepted application writes to the directory: the expert it becomes (or the expert
 * a curator marked as the same person, updated), with the proposed profile copied field for
 * field (the application uses the expert's field names) and each profile section published
 * only if the applicant consented to it. The decision and publication events name the expert,
 * which is how the expert links back to its application (and the audit trail to both).
 */

/** The proposed profile's fields, copied to the expert. Photo and visibility are the directory's. */
const profileFields = [
  'givenName', 'familyName', 'nameOrder', 'otherNames', 'honorific', 'gender', 'country', 'agency', 'position',
  'email', 'phone', 'languages', 'expertise', 'careerSummary', 'yearsExperience', 'education',
] as const satisfies readonly (keyof ExpertFields)[];

/**
 * The level a consented section is published at: the directory's default, except that contact
 * details, held by the secretariat by default, go to members (consent is to publish them) —
 * never to the public at large without a curator choosing so on the expert's page. A section
 * not consented to stays with the secretariat.
 */
function publishedLevel(section: ProfileSection): VisibilityLevel {
  return defaultVisibility[section] === 'secretariat' ? 'members' : defaultVisibility[section];
}

export function consentedVisibility(sections: readonly ProfileSection[]): Visibility {
  const consented = new Set(sections);
  return Object.fromEntries(profileSections.map((s) => [s, consented.has(s) ? publishedLevel(s) : 'secretariat'])) as Visibility;
}

const isEmpty = (v: unknown) => v === '' || v === null || (Array.isArray(v) && v.length === 0);

export interface AcceptPlan {
  expertId: string;
  created: boolean;
  sections: ProfileSection[];
  writes: Write[];
}

/**
 * The expert writes of an accept. The target is, in order: the expert marked "same person"
 * (matchedExpertId; refused if it is gone, rather than silently making a second record), the
 * expert an earlier accept of this application created (a conflict resolved by accepting
 * again must not make a twin), else a new expert. An update writes only the fields the
 * application fills and that differ, so a re-applicant's empty field does not erase the
 * directory's value; it restores an archived expert.
 */
export function planAccept(db: Db, app: StoredApplication, events: readonly VettingEvent[]): AcceptPlan {
  const f = app.fields;
  const sections = [...new Set(f.consentSections)];
  const visibility = consentedVisibility(sections);
  const live = (id: string) => {
    const raw = readRaw(db, 'expert', id);
    return raw && isCompleteExpert(raw.data) && raw.data.deletedAt == null ? raw : null;
  };
  if (f.matchedExpertId !== null && !live(f.matchedExpertId)) {
    throw new AppError('NOT_FOUND', 'The expert marked as the same person is no longer in the directory. Clear that mark (or mark another expert) on the application page, then decide again. Nothing was recorded.');
  }
  const earlier = events.flatMap((e) => (e.type === 'decided' && e.payload.outcome === 'accept' && e.payload.expertId ? [e.payload.expertId] : [])).find((id) => live(id));
  const targetId = f.matchedExpertId ?? earlier;
  if (!targetId) {
    const expertId = uuidv7();
    const fields: Record<string, unknown> = { ...expertDefaults, visibility, status: 'active', statusReason: '' };
    for (const k of profileFields) fields[k] = f[k];
    return { expertId, created: true, sections, writes: [{ entity: 'expert', id: expertId, fields }] };
  }
  const current = live(targetId)!.data;
  const changed: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (canonicalJson(v) !== canonicalJson(current[k] ?? (expertDefaults as Record<string, unknown>)[k])) changed[k] = v;
  };
  for (const k of profileFields) if (!isEmpty(f[k])) set(k, f[k]);
  set('visibility', visibility);
  if (current.status === 'archived') {
    changed.status = 'active';
    changed.statusReason = 'Accepted again through a new application.';
  }
  return { expertId: targetId, created: false, sections, writes: Object.keys(changed).length ? [{ entity: 'expert', id: targetId, fields: changed }] : [] };
}
