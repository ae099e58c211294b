/** A change: one write to one record, as stored in the log and sent by sync. */
export interface Change {
  origin: string;
  seq: number;
  hlc: string;
  actor: string;
  entity: string;
  id: string;
  op: 'put';
  fields: Record<string, unknown>;
}

/** A local write before the funnel stamps it. */
export interface Write {
  entity: string;
  id: string;
  fields: Record<string, unknown>;
}

/** [hlc, origin, actor] of the write that holds a field now. */
export type FieldStamp = [hlc: string, origin: string, actor: string];

export interface StoredRecord {
  data: Record<string, unknown>;
  stamps: Record<string, FieldStamp>;
}

/** The ids of records a batch touched, by entity. */
export type Touched = Map<string, Set<string>>;

/**
 * Records as a batch left them, keyed by recordKey(entity, id): spares projections a re-read.
 * A record's data here is what its row holds (records.data parsed), as the batch merged it.
 */
export type RecordStates = ReadonlyMap<string, StoredRecord>;
export const recordKey = (entity: string, id: string) => `${entity}\u0000${id}`;

/**
 * Keeps a derived table in step with the records, inside the transaction that changed them.
 * Projections must compute their rows from `records` alone, so every node ends with the
 * same projection for the same records.
 */
export interface Projection {
  name: string;
  /**
   * Bumped whenever the rows this projection derives would change for the same records (new
   * columns, another folding of text). The funnel rebuilds a projection whose stored version
   * differs, once, when the data folder is opened.
   */
  version: number;
  update(touched: Touched, states: RecordStates): void;
  /** Recomputes every row from the records (inside a transaction the funnel opens). */
  rebuild(): void;
}
