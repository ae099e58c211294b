import type { ApplicationSummary } from '../../../../shared/contract/vetting';
import type { Output, ParsedInput } from '../../../../shared/contract/methods';
import { stages, type Stage } from '../../../../shared/model/vetting/state';
import { searchTokens } from '../../../../shared/text/fold';
import type { VettingActor } from './context';
import type { Db } from '../../db/open';

type ListInput = ParsedInput<'applications.list'>;
type ListOutput = Output<'applications.list'>;

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The applications list from the projection (migration 010), never from the records: a page
 * of rows, the total, and the count per stage under the query and the other filters (the
 * stage tabs). What the actor may see is part of the WHERE clause, so counts never reveal an
 * application the actor cannot open: a focal point sees their nominating country's, a
 * reviewer those assigned to them or that they reviewed (roles.ts canSeeApplication).
 *
 * Order: newest submission first (then the row's order on this node), so paging is stable.
 */
export function listApplications(db: Db, who: VettingActor, input: ListInput): ListOutput {
  const where: string[] = [];
  const params: unknown[] = [];
  if (who.role === 'focal_point' && who.country !== null) {
    where.push('nominating_country = ?');
    params.push(who.country);
  }
  if (who.role === 'reviewer') {
    where.push('id IN (SELECT id FROM application_reviewer WHERE reviewer = ?)');
    params.push(who.id);
  }
  if (input.mine) {
    where.push('id IN (SELECT id FROM application_reviewer WHERE reviewer = ? AND assigned = 1)');
    params.push(who.id);
  }
  const f = input.filters;
  if (f.country.length) {
    where.push(`country IN (${marks(f.country.length)})`);
    params.push(...f.country);
  }
  if (f.reviewer.length) {
    where.push(`id IN (SELECT id FROM application_reviewer WHERE assigned = 1 AND reviewer IN (${marks(f.reviewer.length)}))`);
    params.push(...f.reviewer);
  }
  // Every word of the query, folded like the index (diacritics, case), starts a word of the name, e-mail or agency.
  const words = searchTokens(input.query).slice(0, 12);
  // Filtered at most by country and the focal point's scope: the counts come from application_stage_count.
  const byCountryOnly = who.role !== 'reviewer' && !input.mine && f.reviewer.length === 0 && words.length === 0;
  if (words.length) {
    where.push('seq IN (SELECT rowid FROM application_fts WHERE application_fts MATCH ?)');
    params.push(words.map((w) => `"${w}"*`).join(' '));
  }

  const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counted = (byCountryOnly ? countsByCountry(db, who, f.country) : db.prepare(`SELECT stage, count(*) AS n FROM application_index ${base} GROUP BY stage`).all(...params)) as { stage: Stage; n: number }[];
  const byStage = new Map(counted.map((c) => [c.stage, c.n]));
  const stageCounts = stages.map((stage) => ({ stage, count: byStage.get(stage) ?? 0 }));

  const chosen = f.stage;
  const total = chosen.length ? chosen.reduce((sum, st) => sum + (byStage.get(st) ?? 0), 0) : counted.reduce((sum, c) => sum + c.n, 0);
  const pageWhere = chosen.length ? [...where, `stage IN (${marks(chosen.length)})`] : where;
  const pageParams = chosen.length ? [...params, ...chosen] : params;
  const rows = db
    .prepare(`SELECT summary FROM application_index ${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} ORDER BY submitted_at DESC, seq DESC LIMIT ? OFFSET ?`)
    .pluck()
    .all(...pageParams, input.limit, input.offset) as string[];
  const items = rows.map((r) => JSON.parse(r) as ApplicationSummary);
  return { items, offset: input.offset, total, stageCounts };
}

/** Rows per stage from the counts the triggers keep (migration 010), under the country filter and the actor's scope. */
function countsByCountry(db: Db, who: VettingActor, countries: readonly string[]): { stage: Stage; n: number }[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (who.role === 'focal_point' && who.country !== null) {
    where.push('nominating_country = ?');
    params.push(who.country);
  }
  if (countries.length) {
    where.push(`country IN (${marks(countries.length)})`);
    params.push(...countries);
  }
  const sql = `SELECT stage, sum(n) AS n FROM application_stage_count ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY stage`;
  return db.prepare(sql).all(...params) as { stage: Stage; n: number }[];
}
