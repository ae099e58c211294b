import { snapshotHeaderSchema, snapshotLineSchema, SYNC_PREFIX } from '../../../shared/sync/protocol';
import { networkError, responseError, SyncError, unreadable, type Fetch } from './http';
import { ndjsonLines } from './ndjson';

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

  const lines = ndjsonLines(response.body, { ms: o.idleMs ?? 60_000, abort: () => idle.abort() });
  const next = async (): Promise<IteratorResult<unknown>> => {
    try {
      return await lines.next();
    } catch (error) {
      if (error instanceof SyncError) throw error;
      if (error instanceof SyntaxError) throw unreadable(o.baseUrl);
      throw networkError(o.baseUrl, error);
    }
  };

  const first = await next();
  const header = snapshotHeaderSchema.safeParse(first.done ? null : first.value);
  if (!header.success) throw unreadable(o.baseUrl);
  const { epoch, head, count } = header.data;
  yield { epoch, count, changes: [], seq: o.after, final: false };

  let changes: unknown[] = [];
  let seq = o.after;
  // The line after a full chunk, when it was read to decide where the chunk ends.
  let ahead: Promise<IteratorResult<unknown>> | null = null;
  const take = () => {
    const p = ahead ?? next();
    ahead = null;
    return p;
  };
  for (let item = await take(); !item.done; item = await take()) {
    const line = snapshotLine(item.value, seq);
    if (!line) throw unreadable(o.baseUrl);
    changes.push(line.change);
    seq = line.seq;
    if (changes.length >= o.size()) {
      ahead = next();
      ahead.catch(() => {}); // awaited by take(), which rethrows; not a rejection left unhandled meanwhile
      if (await endsBefore(ahead, changes.length - o.size(), o.size())) {
        yield { epoch, count, changes, seq, final: false };
        changes = [];
      }
    }
  }
  yield { epoch, count, changes, seq: Math.max(seq, head), final: true };
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
async function endsBefore(ahead: Promise<IteratorResult<unknown>>, over: number, size: number): Promise<boolean> {
  if (over >= Math.max(1, Math.floor(size / 4))) return true;
  const next: IteratorResult<unknown> | typeof NOT_YET = await Promise.race([ahead, new Promise<typeof NOT_YET>((resolve) => setImmediate(() => resolve(NOT_YET)))]).catch(() => NOT_YET);
  if (next === NOT_YET || next.done) return true;
  const change = (next.value as { change?: { entity?: unknown } } | null)?.change;
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
