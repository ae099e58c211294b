import { snapshotHeaderSchema, snapshotLineSchema, SYNC_PREFIX } from '../../../shared/sync/protocol';
import { networkError, responseError, SyncError, unreadable, type Fetch } from './http';
import { ndjsonBatches, type LineBatch } from './ndjson';

/**
 * Reads a first sync's snapshot stream (GET /sync/v1/snapshot?after=SEQ: a header line, then one
 * entry per line) and hands it out in chunks of `size()` entries, each with the feed seq of its
 * last line, so the caller can apply a chunk and save that cursor in one transaction. Only the
 * stream's own failures become network errors here; an error while the caller applies a chunk
 * is the caller's and passes through untouched.
 */

export interface SnapshotChunk {
  epoch: string;
  /** Entries in the whole snapshot, for progress. */
  count: number;
  changes: unknown[];
  /** Each entry's line as it came (`{"seq":…,"change":…}`), in the same order. */
  lines: string[];
  /** The cursor after this chunk: the feed seq of its last line, or the head for the last chunk. */
  seq: number;
  final: boolean;
}

export interface SnapshotSource {
  fetch: Fetch;
  baseUrl: string;
  token: string;
  signal: AbortSignal;
  after: number;
  size: () => number;
  /** A stream that brings nothing for this long is dead. */
  idleMs?: number;
}

export async function* snapshotChunks(o: SnapshotSource): AsyncGenerator<SnapshotChunk> {
  const idle = new AbortController();
  const path = `${SYNC_PREFIX}/snapshot?after=${o.after}`;
  let response: Response;
  try {
    response = await o.fetch(`${o.baseUrl}${path}`, { headers: { authorization: `Bearer ${o.token}`, accept: 'application/x-ndjson' }, signal: AbortSignal.any([o.signal, idle.signal]) });
  } catch (error) {
    throw networkError(o.baseUrl, error);
  }
  if (!response.ok) throw await responseError(o.baseUrl, response);
  if (!response.body) throw unreadable(o.baseUrl);

  const batches = ndjsonBatches(response.body, { ms: o.idleMs ?? 60_000, abort: () => idle.abort() });
  let batch: LineBatch = { values: [], texts: [] };
  let at = 0;
  // The next read, when it was started to look ahead (`peek`).
  let reading: Promise<IteratorResult<LineBatch>> | null = null;
  const read = async (): Promise<IteratorResult<LineBatch>> => {
    const pending = reading ?? batches.next();
    reading = null;
    try {
      return await pending;
    } catch (error) {
      if (error instanceof SyncError) throw error;
      if (error instanceof SyntaxError) throw unreadable(o.baseUrl);
      throw networkError(o.baseUrl, error);
    }
  };
  /** The next line, or null at the end of the stream. */
  const next = async (): Promise<{ value: unknown; text: string } | null> => {
    while (at >= batch.values.length) {
      const r = await read();
      if (r.done) return null;
      batch = r.value;
      at = 0;
    }
    const value = batch.values[at];
    return { value, text: batch.texts[at++]! };
  };
  /** The line after the last one taken if it has already arrived (never waits for the network), else NOT_YET. */
  const peek = async (): Promise<unknown> => {
    if (at < batch.values.length) return batch.values[at];
    if (!reading) {
      reading = batches.next();
      reading.catch(() => {}); // read() awaits it and reports its failure
    }
    const now: IteratorResult<LineBatch> | typeof NOT_YET = await Promise.race([reading, new Promise<typeof NOT_YET>((resolve) => setImmediate(() => resolve(NOT_YET)))]).catch(() => NOT_YET);
    if (now === NOT_YET || now.done) return NOT_YET;
    reading = null;
    batch = now.value;
    at = 0;
    return batch.values[0];
  };

  const first = await next();
  const header = snapshotHeaderSchema.safeParse(first ? first.value : null);
  if (!header.success) throw unreadable(o.baseUrl);
  const { epoch, head, count } = header.data;
  yield { epoch, count, changes: [], lines: [], seq: o.after, final: false };

  let changes: unknown[] = [];
  let lines: string[] = [];
  let seq = o.after;
  for (let item = await next(); item; item = await next()) {
    const line = snapshotLine(item.value, seq);
    if (!line) throw unreadable(o.baseUrl);
    changes.push(line.change);
    lines.push(item.text);
    seq = line.seq;
    // The line after a full chunk decides where it ends, when that line has already arrived.
    if (changes.length >= o.size() && endsBefore(await peek(), changes.length - o.size(), o.size())) {
      yield { epoch, count, changes, lines, seq, final: false };
      changes = [];
      lines = [];
    }
  }
  yield { epoch, count, changes, lines, seq: Math.max(seq, head), final: true };
}

/**
 * Entities whose entries re-index the record they belong to (an expert's portfolio item is
 * indexed into its expert's search row): the server writes them right after that record, so
 * a chunk that ended between an expert and its items made the next chunk index the expert a
 * second time, and a second index of a row already written this transaction costs the search
 * index a flush (about 15 ms each, a second in a first sync of 50,000 experts).
 */
const CONTINUES_RECORD = new Set(['portfolio']);

const NOT_YET: unique symbol = Symbol('not yet');

/**
 * Whether a full chunk ends before the line `ahead`: yes, unless that line has already arrived
 * and continues the record before it, and then only up to a quarter chunk past the size (a
 * chunk stays bounded whatever the order). A line not there yet is not waited for: a stream
 * that stalls still hands out every full chunk it brought.
 */
function endsBefore(ahead: unknown, over: number, size: number): boolean {
  if (ahead === NOT_YET || over >= Math.max(1, Math.floor(size / 4))) return true;
  const change = (ahead as { change?: { entity?: unknown } } | null)?.change;
  return !CONTINUES_RECORD.has(change?.entity as string);
}

/**
 * A line's feed seq (a number past the previous line's) and its entry, or null when the line is
 * not one. The entry itself is not checked here: the funnel checks every entry by value
 * (addressEntries, then checkReceivedChange) before it stores it, and that check is the one that
 * counts; checking each of a first sync's hundreds of thousands of lines twice only cost time.
 * An entry upstream refused (rare) still goes through the wire schema here, which bounds its reason.
 */
function snapshotLine(value: unknown, previous: number): { seq: number; change: unknown } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { seq, change } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(seq) || (seq as number) <= previous) return null;
  if (typeof change !== 'object' || change === null || Array.isArray(change)) return null;
  if ('refused' in change && !snapshotLineSchema.safeParse(value).success) return null;
  return { seq: seq as number, change };
}
