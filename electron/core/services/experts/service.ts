import type { Output, ParsedInput } from '../../../../shared/contract/methods';
import { AppError } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import { expertDefaults, MAX_PORTFOLIO_ITEMS, type Expert, type ExpertPatch, type PortfolioFields, type PortfolioItem } from '../../../../shared/model/expert';
import { hlcWallMs } from '../../../../shared/sync/hlc';
import { canonicalJson } from '../../changes/canonical';
import type { ChangeFunnel } from '../../changes/funnel';
import type { Write } from '../../changes/types';
import type { Db } from '../../db/open';
import { attachmentMime } from '../attachments';
import type { TaxonomyIndex } from '../taxonomy';
import { readExpert, readPortfolioItem } from './read';

/**
 * Expert and portfolio writes. Every write goes through the change funnel; this module
 * checks the rules the schema cannot (terms exist, photo is stored, record exists) first.
 */
export class ExpertsService {
  constructor(
    private readonly db: Db,
    private readonly funnel: ChangeFunnel,
    private readonly taxonomy: TaxonomyIndex,
    private readonly actor: () => string,
  ) {}

  get(id: string): Expert {
    const e = readExpert(this.db, id);
    if (!e) throw new AppError('NOT_FOUND', 'This expert is not in the directory. They may have been removed; search again.');
    return e;
  }

  create(input: ParsedInput<'experts.create'>): Expert {
    const fields = { ...expertDefaults, ...input.expert };
    this.checkReferences(fields);
    const id = uuidv7();
    const writes: Write[] = [{ entity: 'expert', id, fields: { ...fields, status: 'active', statusReason: '' } }];
    for (const item of input.portfolio) writes.push({ entity: 'portfolio', id: uuidv7(), fields: { ...item, expertId: id } });
    this.funnel.write(this.actor(), writes);
    return this.get(id);
  }

  /** Writes only the fields that differ, so history shows real edits and merges stay narrow. */
  update({ id, patch }: ParsedInput<'experts.update'>): Expert {
    const current = this.get(id);
    this.checkReferences(patch);
    const changed = changedFields(patch, current);
    if (Object.keys(changed).length > 0) this.funnel.write(this.actor(), [{ entity: 'expert', id, fields: changed }]);
    return this.get(id);
  }

  setStatus(id: string, status: 'active' | 'archived', reason: string): Expert {
    const current = this.get(id);
    if (current.status === status) {
      throw new AppError('CONFLICT', status === 'archived' ? 'This expert is already archived.' : 'This expert is already active.');
    }
    this.funnel.write(this.actor(), [{ entity: 'expert', id, fields: { status, statusReason: reason } }]);
    return this.get(id);
  }

  addPortfolio(expertId: string, item: PortfolioFields): PortfolioItem {
    // The same bound as creating an expert with a portfolio, so no path makes a record bigger.
    if (this.get(expertId).portfolio.length >= MAX_PORTFOLIO_ITEMS) {
      throw new AppError('LIMIT_REACHED', `This expert already has ${MAX_PORTFOLIO_ITEMS} portfolio items, the most a record holds. Remove an item before adding another.`);
    }
    const id = uuidv7();
    this.funnel.write(this.actor(), [{ entity: 'portfolio', id, fields: { ...item, expertId } }]);
    return this.getPortfolio(id);
  }

  updatePortfolio(id: string, patch: Partial<PortfolioFields>): PortfolioItem {
    const changed = changedFields(patch, this.getPortfolio(id));
    if (Object.keys(changed).length > 0) this.funnel.write(this.actor(), [{ entity: 'portfolio', id, fields: changed }]);
    return this.getPortfolio(id);
  }

  /** Removal is a field, so an offline edit of the same item elsewhere is not lost. */
  removePortfolio(id: string): { id: string } {
    this.getPortfolio(id);
    this.funnel.write(this.actor(), [{ entity: 'portfolio', id, fields: { deletedAt: Date.now() } }]);
    return { id };
  }

  private getPortfolio(id: string): PortfolioItem {
    const item = readPortfolioItem(this.db, id);
    if (!item) throw new AppError('NOT_FOUND', 'This portfolio item no longer exists. Reload the expert.');
    return item;
  }

  /** Every value each field of the expert and its portfolio ever had, newest first. */
  history(id: string): Output<'experts.history'> {
    this.get(id);
    const portfolioIds = (
      this.db.prepare("SELECT id FROM records WHERE entity = 'portfolio' AND json_extract(data, '$.expertId') = ?").pluck().all(id) as string[]
    );
    // `rowid` is the order in which this node stored the changes (local writes and sync alike).
    const rows = this.db
      .prepare(
        `SELECT rowid AS arrival, entity, id, hlc, origin, actor, fields FROM changes
         WHERE (entity = 'expert' AND id = ?) OR (entity = 'portfolio' AND id IN (SELECT value FROM json_each(?)))
         ORDER BY hlc DESC, origin DESC`,
      )
      .all(id, JSON.stringify(portfolioIds)) as HistoryRow[];
    const groups = new Map<string, { field: Output<'experts.history'>['fields'][number]; arrivals: number[] }>();
    for (const row of rows) {
      for (const [field, value] of Object.entries(JSON.parse(row.fields) as Record<string, unknown>)) {
        const key = `${row.entity}\u0000${row.id}\u0000${field}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { field: { entity: row.entity, recordId: row.id, field, entries: [] }, arrivals: [] }));
        // Rows come newest first, so the first entry of each field is the value it holds now.
        const entries = g.field.entries;
        entries.push({ value, hlc: row.hlc, origin: row.origin, actor: row.actor, at: hlcWallMs(row.hlc), current: entries.length === 0, lostConcurrent: false });
        g.arrivals.push(row.arrival);
      }
    }
    for (const g of groups.values()) markLostConcurrent(g.field.entries, g.arrivals);
    return { fields: [...groups.values()].map((g) => g.field) };
  }

  private checkReferences(fields: ExpertPatch): void {
    if (fields.expertise) {
      const unknown = this.taxonomy.unknown(fields.expertise);
      if (unknown.length) {
        throw new AppError('UNKNOWN_TERM', `These expertise areas are not in the taxonomy: ${unknown.join(', ')}. Choose areas from the list.`, [
          { path: ['expertise'], message: `Unknown: ${unknown.join(', ')}` },
        ]);
      }
    }
    if (fields.photo) {
      // The type beside the hash must be the type of the stored bytes, or the photo would be served as something it is not.
      const stored = attachmentMime(this.db, fields.photo.hash);
      if (stored !== fields.photo.mime) {
        throw new AppError('ATTACHMENT_INVALID', 'The photo was not stored on this computer. Upload it again.', [{ path: ['photo'], message: 'Upload the photo again.' }]);
      }
    }
  }
}

/** The fields of a patch whose value differs from the record's: only real edits are written. */
function changedFields(patch: object, current: object): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined && canonicalJson(v) !== canonicalJson((current as Record<string, unknown>)[k])) changed[k] = v;
  }
  return changed;
}

interface HistoryRow {
  arrival: number;
  entity: 'expert' | 'portfolio';
  id: string;
  hlc: string;
  origin: string;
  actor: string;
  fields: string;
}

/**
 * Marks the values of one field that lost a concurrent edit. `entries` are newest first by
 * (hlc, origin), the merge order; `arrivals[i]` is when this node stored entries[i].
 *
 * A value V lost a concurrent edit when this node already held a write W of the same field
 * from another origin with a greater stamp when V arrived: stamp(W) > stamp(V) and W was
 * stored first. Then V's writer had not seen W (a write made after seeing W gets a greater
 * stamp: the hybrid clock moves past every stamp it receives), and W had not seen V either
 * (this node had W before V existed here, and changes travel in causal order), so the two
 * were written concurrently and the merge kept W. V never held the field on this node; it
 * is kept in the log, and here it is shown as the edit that lost.
 *
 * What the stamps cannot prove is the opposite order: when V was stored first and W arrives
 * later with a greater stamp, W may have been written after its writer saw V (an ordinary
 * later edit) or concurrently with it; nothing in the log tells which, so V is not marked.
 * The node where W was written sees V arrive after W and marks it there.
 */
export function markLostConcurrent(entries: { hlc: string; origin: string; lostConcurrent: boolean }[], arrivals: number[]): void {
  for (let i = 0; i < entries.length; i++) {
    const v = entries[i]!;
    // Entries before i have greater stamps (newest first).
    for (let j = 0; j < i; j++) {
      if (entries[j]!.origin !== v.origin && arrivals[j]! < arrivals[i]!) {
        v.lostConcurrent = true;
        break;
      }
    }
  }
}
