import {
  blockingKeys,
  isContactKey,
  LIKELY_DUPLICATE,
  matchPeople,
  matchProfile,
  POSSIBLE_DUPLICATE,
  type MatchProfile,
  type MatchReason,
  type PersonForMatching,
} from '../../../../shared/model/dedupe';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import type { DedupeEntity } from './projection';

export interface DuplicateCandidate {
  entity: DedupeEntity;
  id: string;
  score: number;
  /** At or above LIKELY_DUPLICATE: shown as a likely duplicate, the rest as possible ones. */
  likely: boolean;
  reasons: MatchReason[];
}

export interface FindOptions {
  /** The record being checked, when it is stored already: never its own candidate. */
  self?: { entity: DedupeEntity; id: string };
  /** Most candidates returned, best first. */
  limit?: number;
}

/**
 * Name keys are shared by every namesake (all of "Nguyen Van ..." share k:nguyen|va), so
 * only the people sharing the most keys are compared; a true duplicate shares the rarer
 * ones too. Contact keys are looked up apart and always compared.
 */
const MAX_COMPARED = 400;
/** A candidate's name is distinct when no other candidate's comes within this of it. */
const DISTINCT_MARGIN = 0.02;

const statements = perConnection((db) => ({
  profile: db.prepare('SELECT profile FROM dedupe_person WHERE entity = ? AND id = ?').pluck(),
}));

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

function lookup(db: Db, keys: string[]): { entity: DedupeEntity; id: string }[] {
  const contact = keys.filter(isContactKey);
  const names = keys.filter((k) => !isContactKey(k));
  const out = new Map<string, { entity: DedupeEntity; id: string }>();
  const add = (rows: { entity: DedupeEntity; id: string }[]) => {
    for (const r of rows) out.set(`${r.entity}\u0000${r.id}`, r);
  };
  if (contact.length) add(db.prepare(`SELECT DISTINCT entity, id FROM dedupe_key WHERE key IN (${placeholders(contact.length)})`).all(...contact) as never);
  if (names.length) {
    add(db.prepare(`SELECT entity, id FROM dedupe_key WHERE key IN (${placeholders(names.length)}) GROUP BY entity, id ORDER BY count(*) DESC, entity, id LIMIT ${MAX_COMPARED}`).all(...names) as never);
  }
  return [...out.values()];
}

/**
 * The people (experts, later open applications) who may be the same person as `person`,
 * best first, each with a score and the reasons. Reads the dedupe projection only.
 */
export function findDuplicates(db: Db, person: PersonForMatching, options: FindOptions = {}): DuplicateCandidate[] {
  const probe = matchProfile(person);
  const { profile } = statements(db);
  const scored: { entity: DedupeEntity; id: string; other: MatchProfile; outcome: ReturnType<typeof matchPeople> }[] = [];
  for (const c of lookup(db, blockingKeys(probe))) {
    if (options.self && c.entity === options.self.entity && c.id === options.self.id) continue;
    const json = profile.get(c.entity, c.id) as string | undefined;
    if (json === undefined) continue;
    const other = JSON.parse(json) as MatchProfile;
    scored.push({ ...c, other, outcome: matchPeople(probe, other) });
  }
  // A name another candidate matches as well or better is a namesake's: the name alone counts for less.
  const names = scored.map((c) => c.outcome.nameScore).sort((x, y) => y - x);
  for (const c of scored) {
    const n = c.outcome.nameScore;
    const rivals = names.filter((x) => x >= n - DISTINCT_MARGIN).length - 1;
    if (n > 0 && rivals > 0) c.outcome = matchPeople(probe, c.other, { distinctName: false });
  }
  return scored
    .filter((c) => c.outcome.score >= POSSIBLE_DUPLICATE)
    .sort((a, b) => b.outcome.score - a.outcome.score || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 20)
    .map((c) => ({ entity: c.entity, id: c.id, score: c.outcome.score, likely: c.outcome.score >= LIKELY_DUPLICATE, reasons: c.outcome.reasons }));
}
