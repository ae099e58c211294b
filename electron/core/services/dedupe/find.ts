import {
  agencyKey,
  blockingKeys,
  countryAgencyRange,
  canMatch,
  compareNames,
  degreeKeys,
  sharedDegree,
  isContactKey,
  LIKELY_DUPLICATE,
  type MatchContext,
  matchProfile,
  POSSIBLE_DUPLICATE,
  type MatchProfile,
  type MatchReason,
  type NameComparison,
  type PersonForMatching,
  scoreMatch,
} from '../../../../shared/model/dedupe';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import { readWithLexicon, selfPerson } from './lexicon';
import { drainDedupe } from './pending';
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
 * Name keys are shared by namesakes and near namesakes (every Nguyen Van Hung and Nguyen Van
 * Hai share s:nguyen|hv), so at most this many people are compared, those sharing the most
 * keys first; a true duplicate shares more of them. Contact keys are looked up apart and
 * always compared.
 */
const MAX_COMPARED = 400;
/** A candidate's name is distinct when no other candidate's comes within this of it. */
const DISTINCT_MARGIN = 0.02;
/**
 * A shared agency, or a shared degree, singles one of several namesakes out when fewer
 * namesakes than this would share it by chance: (namesakes) × (the share of the country's
 * people who work there, or hold the applicant's degrees). A ministry holding a fifth of the
 * country's experts singles nobody out of two namesakes (0.4). Measured in bench/dedupe
 * before degrees counted (seed 20260707): 0.3 gave recall 0.874 at precision 0.956, 0.5 gave
 * 0.887 at 0.919, 0.8 gave 0.892 at 0.892. With degrees, most namesakes the agency set apart
 * are set apart by a degree too, and the stricter bound costs little recall: over seeds
 * 20260707, 4242 and 777, an agency bound of 0.2 gave recall 0.962, 0.952 and 0.958 at
 * precision 0.946, 0.928 and 0.948, and 0.3 gave 0.962, 0.953 and 0.964 at 0.935, 0.918 and
 * 0.941 (the degree's bound, 0.2 or 0.3, moved neither by more than 0.001).
 */
const CHANCE_NAMESAKES = 0.25;

const statements = perConnection((db) => ({
  person: db.prepare('SELECT entity, id, profile FROM dedupe_person WHERE person = ?'),
  // The record checked, when it is indexed itself (an application), is not one of the people it is weighed against.
  count: db.prepare('SELECT count(*) FROM dedupe_key WHERE key = ? AND person != ?').pluck(),
  countRange: db.prepare('SELECT count(*) FROM dedupe_key WHERE key >= ? AND key < ? AND person != ?').pluck(),
}));

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The people sharing a key with the person checked: all who share a contact, and those sharing the most name keys. */
function lookup(db: Db, keys: string[]): number[] {
  const contact = keys.filter(isContactKey);
  const names = keys.filter((k) => !isContactKey(k));
  const out = new Set<number>();
  if (contact.length) for (const p of db.prepare(`SELECT DISTINCT person FROM dedupe_key WHERE key IN (${placeholders(contact.length)})`).pluck().all(...contact)) out.add(p as number);
  if (names.length) {
    const sql = `SELECT person FROM dedupe_key WHERE key IN (${placeholders(names.length)}) GROUP BY person ORDER BY count(*) DESC, person LIMIT ${MAX_COMPARED}`;
    for (const p of db.prepare(sql).pluck().all(...names)) out.add(p as number);
  }
  return [...out];
}

/**
 * Shares of the people of the applicant's country, counted once per check and only when
 * asked: `agency`, the share who work at the applicant's agency (0..1); `degree`, how many of
 * the applicant's degrees a person of the country holds on average (the sum of each degree's
 * share). The people of a country are counted as those who name an agency, which nearly all
 * do (one index range count); each share is one index count.
 */
function countryShares(db: Db, probe: MatchProfile, self: number): { agency: () => number; degree: () => number } {
  let people: number | null = null;
  const s = statements(db);
  const countryPeople = () => {
    if (people === null) {
      const { from, to } = countryAgencyRange(probe.country);
      people = s.countRange.get(from, to, self) as number;
    }
    return people;
  };
  const once = (compute: () => number) => {
    let value: number | null = null;
    return () => (value ??= compute());
  };
  return {
    agency: once(() => {
      const key = agencyKey(probe);
      return key === null || countryPeople() === 0 ? 1 : (s.count.get(key, self) as number) / countryPeople();
    }),
    degree: once(() => {
      const keys = degreeKeys(probe);
      return keys.length === 0 || countryPeople() === 0 ? 1 : keys.reduce((sum, k) => sum + (s.count.get(k, self) as number), 0) / countryPeople();
    }),
  };
}

/**
 * The people (experts, later open applications) who may be the same person as `person`,
 * best first, each with a score and the reasons. Reads the dedupe projection only, after
 * bringing it up to date (pending.ts): a check never reads a person as they were.
 */
export function findDuplicates(db: Db, person: PersonForMatching, options: FindOptions = {}): DuplicateCandidate[] {
  drainDedupe(db);
  // Words nobody else bears are read as slips, and looked up as the names they were meant to be (lexicon.ts).
  const self = selfPerson(db, options.self);
  const { probe, slipKeys } = readWithLexicon(db, matchProfile(person), self);
  const read = statements(db).person;
  const compared: { entity: DedupeEntity; id: string; other: MatchProfile; names: NameComparison }[] = [];
  for (const p of lookup(db, [...new Set([...blockingKeys(probe), ...slipKeys])])) {
    const row = read.get(p) as { entity: DedupeEntity; id: string; profile: string } | undefined;
    if (!row || (options.self && row.entity === options.self.entity && row.id === options.self.id)) continue;
    const other = JSON.parse(row.profile) as MatchProfile;
    const names = compareNames(probe.forms, other.forms);
    if (canMatch(probe, other, names)) compared.push({ entity: row.entity, id: row.id, other, names });
  }
  // A name another candidate matches as well or better is a namesake's: the name alone counts
  // for less, unless this namesake alone shares the applicant's agency, or alone holds one of
  // the applicant's degrees, and that agency or degree is rare enough among the country's
  // people that the other namesakes would seldom share it by chance. Namesakes who share it
  // stay apart: in a large ministry they work side by side, and a big university's class of a
  // year holds many a Nguyen Van Hung.
  const share = countryShares(db, probe, self);
  const holdsDegree = (c: (typeof compared)[number]) => c.other.country === probe.country && sharedDegree(probe.degrees, c.other.degrees) !== null;
  return compared
    .map((c) => {
      const rivals = compared.filter((o) => o !== c && o.names.score >= c.names.score - DISTINCT_MARGIN);
      const context: MatchContext = { distinctName: rivals.length === 0 };
      const namesakes = rivals.length + 1;
      const sameAgency = probe.agency !== '' && c.other.agency === probe.agency && c.other.country === probe.country;
      if (rivals.length > 0 && sameAgency && !rivals.some((o) => o.other.agency === probe.agency) && namesakes * share.agency() < CHANCE_NAMESAKES) {
        context.singledOutByAgency = namesakes;
      }
      if (rivals.length > 0 && holdsDegree(c) && !rivals.some(holdsDegree) && namesakes * share.degree() < CHANCE_NAMESAKES) {
        context.singledOutByDegree = namesakes;
      }
      return { ...c, outcome: scoreMatch(probe, c.other, c.names, context) };
    })
    .filter((c) => c.outcome.score >= POSSIBLE_DUPLICATE)
    .sort((a, b) => b.outcome.score - a.outcome.score || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 20)
    .map((c) => ({ entity: c.entity, id: c.id, score: c.outcome.score, likely: c.outcome.score >= LIKELY_DUPLICATE, reasons: c.outcome.reasons }));
}
