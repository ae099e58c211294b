import { displayName, type ExpertSummary } from '../../../../shared/model/expert';
import { foldText } from '../../../../shared/text/fold';
import { indexText } from '../../../../shared/text/index-text';
import type { Db } from '../../db/open';
import { recordKey, type Projection, type RecordStates, type StoredRecord, type Touched } from '../../changes/types';
import type { TaxonomyIndex } from '../taxonomy';
import { expertsChanged } from './search-cache';
import type { MatchSource } from './search-match';
import { facetTag, type TagFacet } from './tags';
import { memoByString } from '../../../../shared/memo';
import { expertiseIndex } from './projection-text';
import { isCompleteExpert, readRaw, toExpertRecord, toPortfolioItem } from './read';

/**
 * Keeps the expert search tables (expert_index with its facet values, expert_fts,
 * expert_name_fts, expert_match_source) in step with the records. Runs inside applyChanges' transaction, and computes every row from the records
 * alone, so all nodes hold the same index for the same data.
 */
export function expertProjection(db: Db, taxonomy: TaxonomyIndex): Projection {
  const s = {
    portfolioOwner: db.prepare("SELECT json_extract(data, '$.expertId') FROM records WHERE entity = 'portfolio' AND id = ?").pluck(),
    // Ids only: the items the batch just wrote are in memory already (`states`), parsed.
    portfolioIds: db.prepare("SELECT id FROM records WHERE entity = 'portfolio' AND json_extract(data, '$.expertId') = ?").pluck(),
    portfolioData: db.prepare("SELECT data FROM records WHERE entity = 'portfolio' AND id = ?").pluck(),
    rowidOf: db.prepare('SELECT rowid FROM expert_index WHERE id = ?').pluck(),
    insertIndex: db.prepare('INSERT INTO expert_index (id, sort_name, updated_at, summary, facets) VALUES (?, ?, ?, ?, ?)'),
    updateIndex: db.prepare('UPDATE expert_index SET sort_name = ?, updated_at = ?, summary = ?, facets = ? WHERE rowid = ?'),
    deleteIndex: db.prepare('DELETE FROM expert_index WHERE rowid = ?'),
    deleteFts: db.prepare('DELETE FROM expert_fts WHERE rowid = ?'),
    insertFts: db.prepare('INSERT INTO expert_fts (rowid, names, other_names, agency, position, expertise, portfolio, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    deleteNames: db.prepare('DELETE FROM expert_name_fts WHERE rowid = ?'),
    insertNames: db.prepare('INSERT INTO expert_name_fts (rowid, names, tags) VALUES (?, ?, ?)'),
    putMatchSource: db.prepare('INSERT OR REPLACE INTO expert_match_source (rowid, data) VALUES (?, ?)'),
    deleteMatchSource: db.prepare('DELETE FROM expert_match_source WHERE rowid = ?'),
  };
  /** Rows written by the current update(), announced once at its end. */
  let written: number[] = [];
  /** The states of the records the current update's batch wrote (empty in a rebuild). */
  let batch: RecordStates = new Map();
  const expertise = expertiseIndex(taxonomy);
  const indexed = memoByString(indexText);
  // Facet values (countries, statuses, languages, expertise terms) repeat across all experts.
  const tagOf = memoByString((key) => facetTag(key.slice(0, key.indexOf(':')) as TagFacet, key.slice(key.indexOf(':') + 1)));

  /** The titles of an expert's live portfolio items, by item id (as read.ts readPortfolio orders them). */
  const portfolioTitles = (expertId: string): string[] => {
    const ids = (s.portfolioIds.all(expertId) as string[]).sort();
    const titles: string[] = [];
    for (const pid of ids) {
      const data = batch.get(recordKey('portfolio', pid))?.data ?? (JSON.parse(s.portfolioData.get(pid) as string) as Record<string, unknown>);
      const item = toPortfolioItem(pid, data);
      if (item) titles.push(item.title);
    }
    return titles;
  };

  const remove = (id: string) => {
    const rowid = s.rowidOf.get(id) as number | undefined;
    if (rowid === undefined) return;
    s.deleteFts.run(rowid);
    s.deleteNames.run(rowid);
    s.deleteMatchSource.run(rowid);
    s.deleteIndex.run(rowid);
    written.push(rowid);
  };

  const reindex = (id: string, state: StoredRecord | undefined) => {
    const raw = state ? { id, ...state } : readRaw(db, 'expert', id);
    if (!raw || !isCompleteExpert(raw.data)) return remove(id);
    const r = toExpertRecord(raw);
    if (r.deleted) return remove(id);
    const f = r.fields;
    const name = displayName(f);
    const summary: ExpertSummary = {
      id,
      displayName: name,
      honorific: f.honorific,
      country: f.country,
      agency: f.agency,
      position: f.position,
      status: r.status,
      expertise: f.expertise,
      photo: f.photo,
      updatedAt: r.updatedAt,
      demo: r.demo,
    };
    const { terms, text: expertiseText } = expertise(f.expertise);
    const facets: [TagFacet, string][] = [
      ['country', f.country],
      ['status', r.status],
      ...f.languages.map((l): [TagFacet, string] => ['language', l.code]),
      ...terms.map((t): [TagFacet, string] => ['expertise', t.id]),
    ];
    const existing = s.rowidOf.get(id) as number | undefined;
    const isNew = existing === undefined;
    // The facet values once each, in a fixed order (facets.ts counts them; every node holds the same text).
    const columns = [foldText(name), r.updatedAt, JSON.stringify(summary), facetsJson(facets)] as const;
    let rowid: number;
    if (isNew) rowid = Number(s.insertIndex.run(id, ...columns).lastInsertRowid);
    else s.updateIndex.run(...columns, (rowid = existing));
    const titles = portfolioTitles(id);
    if (!isNew) s.deleteFts.run(rowid);
    const ftsRow = [
      rowid,
      // Names, agency and position in Thai, Lao, Khmer or Myanmar script also carry their
      // words and romanised forms (indexText); Latin text is only folded.
      indexText(`${f.honorific} ${f.givenName} ${f.familyName}`),
      indexText(f.otherNames.join(' ')),
      indexed(f.agency),
      indexed(f.position),
      expertiseText,
      foldText(titles.join(' ')),
      facets.map(([facet, value]) => tagOf(`${facet}:${value}`)).join(' '),
    ] as const;
    s.insertFts.run(...ftsRow);
    // The name tiers of search (search-plan.ts) read expert_name_fts: the name without the
    // honorific ("tan" is a family name first, not Tan Sri), and nothing the names column
    // lacks, so that a name match there is a match in expert_fts too. A name in Thai, Lao,
    // Khmer or Myanmar script carries its romanised forms here as well: `somchai` finds
    // สมชาย ใจดี as a name.
    if (!isNew) s.deleteNames.run(rowid);
    s.insertNames.run(rowid, indexText(`${f.givenName} ${f.familyName}`), ftsRow[7]);
    const source: MatchSource = {
      otherNames: f.otherNames,
      expertise: terms.map((t) => [t.label.en, t.label.id]),
      portfolio: titles,
    };
    s.putMatchSource.run(rowid, JSON.stringify(source));
    written.push(rowid);
  };

  /** Reindexes experts (the batch's records in memory meanwhile). */
  const indexAll = (experts: [string, StoredRecord | undefined][], states: RecordStates) => {
    batch = states;
    try {
      for (const [id, state] of experts) reindex(id, state);
    } finally {
      batch = new Map();
    }
  };

  return {
    name: 'experts',
    // 2: FTS tokens keep the vowel signs of Thai, Lao, Khmer and Myanmar (migration 002).
    // 3: the fold keeps those signs too, and native-script text carries its words and
    //    romanised forms (shared/text/index-text.ts).
    //    Also: name-only index, tags behind a private-use mark, match sources (migration 003).
    // 4: summaries carry the demo flag.
    // 5: facet values in expert_index.facets, not expert_facet rows (migration 012).
    version: 5,
    rebuild() {
      db.exec(`INSERT INTO expert_fts (expert_fts) VALUES ('delete-all'); INSERT INTO expert_name_fts (expert_name_fts) VALUES ('delete-all');
               DELETE FROM expert_match_source; DELETE FROM expert_index;`);
      const ids = db.prepare("SELECT id FROM records WHERE entity = 'expert' ORDER BY id").pluck().all() as string[];
      indexAll(ids.map((id) => [id, undefined]), new Map());
      // One pass of merging now saves every later query from reading many small segments.
      db.exec("INSERT INTO expert_fts (expert_fts) VALUES ('optimize'); INSERT INTO expert_name_fts (expert_name_fts) VALUES ('optimize');");
      written = [];
      expertsChanged(db, 'all');
    },
    update(touched: Touched, states: RecordStates) {
      const ids = new Set(touched.get('expert') ?? []);
      for (const pid of touched.get('portfolio') ?? []) {
        const owner = states.get(recordKey('portfolio', pid))?.data.expertId ?? s.portfolioOwner.get(pid);
        if (typeof owner === 'string') ids.add(owner);
      }
      written = [];
      indexAll([...ids].map((id) => [id, states.get(recordKey('expert', id))]), states);
      expertsChanged(db, written);
      written = [];
    },
  };
}

/**
 * An expert's facet values as expert_index.facets stores them: a JSON array of "facet:value"
 * texts, each once, in the projection's order. Flat strings, not pairs: the facet counts'
 * snapshot parses every expert's list, and a list of strings parses in a third of the time.
 * No value holds a ':' before its own (countries, statuses, language codes and term ids).
 */
function facetsJson(facets: readonly [TagFacet, string][]): string {
  return JSON.stringify([...new Set(facets.map(([facet, value]) => `${facet}:${value}`))]);
}
