import {
  agencyKey,
  blockingKeys,
  countryAgencyRange,
  canMatch,
  compareNames,
  isContactKey,
  LIKELY_DUPLICATE,
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
 * A shared agency singles one of several namesakes out when fewer namesakes than this would
 * work there by chance: (namesakes) × (the agency's share of the country's people). Below half
 * a namesake, the person is the likelier reading; a ministry holding a fifth of the country's
 * experts singles nobody out of three namesakes (0.6). Measured in bench/dedupe (seed
 * 20260707): 0.3 gives recall 0.874 at precision 0.956, 0.5 gives 0.887 at 0.919, 0.8 gives
 * 0.892 at 0.892: past 0.5, each person more found costs about six namesakes shown as likely.
 */
const CHANCE_NAMESAKES = 0.5;

const statements = perConnection((db) => ({
  person: db.prepare('SELECT entity, id, profile FROM dedupe_person WHERE person = ?'),
  count: db.prepare('SELECT count(*) FROM dedupe_key WHERE key = ?').pluck(),
  countRange: db.prepare('SELECT count(*) FROM dedupe_key WHERE key >= ? AND key < ?').pluck(),
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
 * The applicant's agency's share of the people of their country who name one (0..1), counted
 * once per check and only when asked: two index range counts.
 */
function agencyShare(db: Db, probe: MatchProfile): () => number {
  let share: number | null = null;
  return () => {
    if (share !== null) return share;
    const key = agencyKey(probe);
    const s = statements(db);
    const { from, to } = countryAgencyRange(probe.country);
    const all = s.countRange.get(from, to) as number;
    share = key === null || all === 0 ? 1 : (s.count.get(key) as number) / all;
    return share;
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
  const { probe, slipKeys } = readWithLexicon(db, matchProfile(person), selfPerson(db, options.self));
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
  // for less, unless this namesake alone shares the applicant's agency and that agency is
  // small enough that the others would rarely work there by chance. Namesakes who share the
  // agency stay apart: in a large ministry they work side by side.
  const share = agencyShare(db, probe);
  return compared
    .map((c) => {
      const rivals = compared.filter((o) => o !== c && o.names.score >= c.names.score - DISTINCT_MARGIN);
      const context = { distinctName: rivals.length === 0, singledOutByAgency: undefined as number | undefined };
      const sameAgency = probe.agency !== '' && c.other.agency === probe.agency && c.other.country === probe.country;
      if (rivals.length > 0 && sameAgency && !rivals.some((o) => o.other.agency === probe.agency) && (rivals.length + 1) * share() < CHANCE_NAMESAKES) {
        context.singledOutByAgency = rivals.length + 1;
      }
      return { ...c, outcome: scoreMatch(probe, c.other, c.names, context) };
    })
    .filter((c) => c.outcome.score >= POSSIBLE_DUPLICATE)
    .sort((a, b) => b.outcome.score - a.outcome.score || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 20)
    .map((c) => ({ entity: c.entity, id: c.id, score: c.outcome.score, likely: c.outcome.score >= LIKELY_DUPLICATE, reasons: c.outcome.reasons }));
}
