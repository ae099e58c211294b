import type { SectionState, SectionVersion } from '../../../../shared/contract/reports';
import { sectionHeadsBy, sectionsOf, type SectionField, type SectionValue } from '../../../../shared/model/reports/sections';
import { countWords, MIN_SECTION_WORDS } from '../../../../shared/model/reports/words';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import type { Db } from '../../db/open';
import { perConnection } from '../../db/statements';
import type { StoredReport } from './read';

/**
 * A section's versions and heads, from the change log of that record's field: every value the
 * section ever had on this node, local or synced, is a change there. Only rev and parents are
 * read for the graph (SQLite picks them out of the JSON); a head's text is fetched only when the
 * section has several. The record's current value joins the graph too, so a node that started
 * from a snapshot (without the older changes) still shows the section.
 */

interface Node {
  section: string;
  rev: string;
  parents: string[];
  hlc: string;
  actor: string;
  rowid: number;
}

const statements = perConnection((db) => ({
  // `key GLOB 's_*'`: section fields are named s_<name> (the underscore is literal in GLOB).
  ofRecord: db.prepare(
    `SELECT c.rowid AS rowid, c.hlc AS hlc, c.actor AS actor, j.key AS section,
            json_extract(j.value, '$.rev') AS rev, json_extract(j.value, '$.parents') AS parents
     FROM changes c, json_each(c.fields) j
     WHERE c.entity = ? AND c.id = ? AND j.key GLOB 's_*' AND j.type = 'object'`,
  ),
  ofAll: db.prepare(
    `SELECT c.id AS id, j.key AS section, json_extract(j.value, '$.rev') AS rev, json_extract(j.value, '$.parents') AS parents
     FROM changes c, json_each(c.fields) j
     WHERE c.entity IN ('case_study', 'story') AND j.key GLOB 's_*' AND j.type = 'object'`,
  ),
  text: db.prepare('SELECT json_extract(fields, ?) FROM changes WHERE rowid = ?').pluck(),
  userName: db.prepare("SELECT json_extract(data, '$.name') FROM records WHERE entity = 'user' AND id = ?").pluck(),
}));

function parentsOf(json: unknown): string[] {
  if (typeof json !== 'string') return [];
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

/** Every version node of the report's sections, by section. */
function nodesOf(db: Db, report: StoredReport): Map<string, Node[]> {
  const rows = statements(db).ofRecord.all(report.type, report.id) as { rowid: number; hlc: string; actor: string; section: string; rev: unknown; parents: unknown }[];
  const out = new Map<string, Node[]>();
  for (const r of rows) {
    if (typeof r.rev !== 'string') continue;
    let list = out.get(r.section);
    if (!list) out.set(r.section, (list = []));
    list.push({ section: r.section, rev: r.rev, parents: parentsOf(r.parents), hlc: r.hlc, actor: r.actor, rowid: r.rowid });
  }
  return out;
}

export function actorName(db: Db, actor: string): string {
  const name = statements(db).userName.get(actor);
  return typeof name === 'string' && name ? name : actor;
}

/** The states of the report's sections (all of them, or only `only`), with heads when several. */
export function sectionStates(db: Db, report: StoredReport, only?: SectionField): SectionState[] {
  const nodes = nodesOf(db, report);
  const names: readonly SectionField[] = only ? [only] : sectionsOf[report.type];
  const fields = report.fields as unknown as Record<string, SectionValue | null>;
  return names.map((section) => {
    const current = fields[section] ?? null;
    const graph = nodes.get(section) ?? [];
    if (current && !graph.some((n) => n.rev === current.rev)) {
      const stamp = report.stamps[section];
      graph.push({ section, rev: current.rev, parents: current.parents, hlc: stamp?.[0] ?? '', actor: stamp?.[2] ?? '', rowid: -1 });
    }
    const heads = sectionHeadsBy(graph, (n) => ({ text: '', rev: n.rev, parents: n.parents }));
    const text = current?.text ?? '';
    const words = countWords(text);
    return {
      section,
      current,
      heads: heads.length > 1 ? heads.map((h) => version(db, h, current)) : [],
      words,
      complete: words >= MIN_SECTION_WORDS[report.type],
    };
  });
}

function version(db: Db, node: Node, current: SectionValue | null): SectionVersion {
  let value: SectionValue;
  if (current && current.rev === node.rev) value = current;
  else {
    const raw = statements(db).text.get(`$.${node.section}`, node.rowid);
    const parsed = typeof raw === 'string' ? (JSON.parse(raw) as { text?: unknown }) : null;
    value = { text: typeof parsed?.text === 'string' ? parsed.text : '', rev: node.rev, parents: node.parents };
  }
  return { value, actor: node.actor, actorName: actorName(db, node.actor), at: node.hlc ? hlcWallMs(node.hlc) : 0 };
}

/** Every rev a section of this report has had: a save's base must be one of them. */
export function knownRevs(db: Db, report: StoredReport, section: SectionField): Set<string> {
  const revs = new Set((nodesOf(db, report).get(section) ?? []).map((n) => n.rev));
  const current = (report.fields as unknown as Record<string, SectionValue | null>)[section];
  if (current) revs.add(current.rev);
  return revs;
}

/**
 * For every report, how many of its sections hold concurrent versions (several heads): one
 * query over the change log, so the list never reads a record's history one by one.
 */
export function concurrentSectionCounts(db: Db, reports: readonly StoredReport[]): Map<string, number> {
  const graphs = new Map<string, Map<string, { rev: string; parents: string[] }[]>>();
  const add = (id: string, section: string, rev: string, parents: string[]) => {
    let byId = graphs.get(id);
    if (!byId) graphs.set(id, (byId = new Map()));
    let list = byId.get(section);
    if (!list) byId.set(section, (list = []));
    list.push({ rev, parents });
  };
  for (const r of statements(db).ofAll.iterate() as IterableIterator<{ id: string; section: string; rev: unknown; parents: unknown }>) {
    if (typeof r.rev === 'string') add(r.id, r.section, r.rev, parentsOf(r.parents));
  }
  for (const report of reports) {
    for (const section of sectionsOf[report.type]) {
      const current = (report.fields as unknown as Record<string, SectionValue | null>)[section];
      if (current && !graphs.get(report.id)?.get(section)?.some((n) => n.rev === current.rev)) add(report.id, section, current.rev, current.parents);
    }
  }
  const out = new Map<string, number>();
  for (const [id, sections] of graphs) {
    let n = 0;
    for (const graph of sections.values()) if (sectionHeadsBy(graph, (v) => ({ text: '', ...v })).length > 1) n += 1;
    out.set(id, n);
  }
  return out;
}
