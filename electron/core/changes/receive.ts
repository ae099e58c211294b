import { AppError } from '../../../shared/contract/result';
import { changeAddressSchema, checkReceivedChange, parkedCodes } from '../../../shared/sync/change';
import { aheadMs, formatHlc, MAX_DRIFT_MS, parseHlc } from '../../../shared/sync/hlc';
import type { Db } from '../db/open';
import { applyChanges, heldMaxSeq, seqGap, type ApplyResult } from './apply';
import { changeDigest, normalizeChange, type HeldEntry } from './entry';
import { immutableGuard } from './immutable';
import { entryRows } from './store';
import type { Change, Projection, Touched } from './types';

/** The caller's own rule for a change from downstream (the server's role and country scope). */
export type Authorize = (change: Change) => { kind: 'ok' } | { kind: 'rejected'; code: string; reason: string };

export interface ReceiveOptions {
  /**
   * 'downstream': a push into this node; it judges every change itself (a `refused` flag is
   * ignored) and refuses the batch with ORIGIN_FORKED on a repeat that differs.
   * 'upstream': a page pulled from the node this one syncs with, whose entries and verdicts
   * are authoritative: a held entry that differs is replaced. Default 'downstream'.
   */
  from?: 'downstream' | 'upstream';
  authorize?: Authorize;
  /**
   * Runs inside the receive's transaction once the entries are stored: the sync client saves
   * the pull cursor here, so a page and its cursor commit together. If it throws, nothing of
   * the batch is saved. (Use this rather than wrapping receive in a transaction of your own:
   * the node's identity and clock in memory follow this transaction's commit.)
   */
  inTransaction?: () => void;
  /**
   * From upstream: whether this upstream decides which of this node's own changes stand (the
   * default). A device syncing with central and also with a workshop hub passes false for the
   * hub: an entry of the hub's that differs at one of this node's own addresses is left out
   * (counted in `deferred`) until central's pull settles it (fork.ts). A function says it per
   * own address: the hub decides those this device never sent to central itself.
   */
  decides?: boolean | ((origin: string, seq: number) => boolean);
  /**
   * Entries (the very objects passed in) already checked by value and found valid by
   * checkReceivedChange, on another thread (the sync client's snapshot reader): not checked
   * again. Each comes with canonicalJson of its `fields`, worked out there too.
   */
  checked?: ReadonlyMap<unknown, string>;
}

export interface RefusedChange {
  origin: string;
  seq: number;
  kind: 'rejected' | 'parked';
  code: string;
  reason: string;
}

export interface ClockWarning {
  code: 'CLOCK_SKEW';
  origin: string;
  /** How far the origin's stamp was ahead of this computer's clock. */
  aheadMs: number;
}

export interface ReceiveResult extends ApplyResult {
  /** Entries of the batch kept aside (stored refused), each acknowledged all the same. */
  refused: RefusedChange[];
  /** Held entries replaced by upstream's version or verdict. */
  replaced: number;
  clockWarnings: ClockWarning[];
  /** Set when upstream showed this node was a copy: it took a new id (see fork.ts). */
  rekeyed?: { from: string; to: string; reissued: number };
  /** Entries left out: they differ at this node's own addresses and this upstream does not decide (ReceiveOptions.decides). */
  deferred?: number;
  /** Own changes kept under an id this node left, whose address upstream gave to another change: re-issued under the current id. */
  reissued?: number;
}

export interface Addressed {
  origin: string;
  seq: number;
  raw: Record<string, unknown>;
}

type Verdict =
  | { kind: 'ok' }
  | { kind: 'rejected' | 'parked'; code: string; reason: string; upstream: boolean };

/** Reads each entry's (origin, seq) and sorts the batch by them; one without is an error for the batch. */
export function addressEntries(received: readonly unknown[]): Addressed[] {
  const addressed = received.map((c, i) => {
    // The schema's rules, written out: this runs for every entry of every page.
    const { origin, seq } = (typeof c === 'object' && c !== null ? c : {}) as Record<string, unknown>;
    if (typeof origin !== 'string' || !NODE_ID.test(origin) || !Number.isSafeInteger(seq) || (seq as number) < 1) {
      const address = changeAddressSchema.safeParse(c);
      throw new AppError(
        'INVALID_INPUT',
        `Change ${i + 1} of the batch does not say where it comes from (origin and number)${address.success ? '' : `: ${address.error.issues[0]?.message}`}; nothing from this batch was saved.`,
      );
    }
    return { origin, seq: seq as number, raw: c as Record<string, unknown> };
  });
  return addressed.sort((a, b) => (a.origin === b.origin ? a.seq - b.seq : a.origin < b.origin ? -1 : 1));
}

const NODE_ID = /^[0-9a-f]{16}$/;

export const emptyResult = (): ReceiveResult => ({ applied: 0, duplicates: 0, maxHlc: null, touched: new Map(), refused: [], replaced: 0, clockWarnings: [] });

/**
 * Stores a batch of entries in its origins' sequences (see ReceiveOptions). New changes are
 * collected into runs applied together, so a page of thousands costs one projection update;
 * a run is flushed before anything else is stored, which keeps each origin's feed rows in seq
 * order. Records whose entries were replaced are added to `affected` for the caller to
 * recompute from the log. Runs inside the caller's transaction.
 */
export function receiveEntries(db: Db, projections: readonly Projection[], entries: readonly Addressed[], o: ReceiveOptions & { now: number; affected: Touched }): ReceiveResult {
  const rows = entryRows(db);
  const upstream = o.from === 'upstream';
  const total = emptyResult();
  const known = new Map<string, number>();
  const skewLine = formatHlc({ wall: o.now + MAX_DRIFT_MS, counter: 0xffffff });
  const warned = new Map<string, ClockWarning>();
  let run: Change[] = [];
  /** The canonical fields of changes in `run`, where the caller worked them out (o.checked). */
  let runFields = new Map<Change, string>();
  const immutable = immutableGuard(db);

  const noteStamp = (c: Change) => {
    if (total.maxHlc === null || c.hlc > total.maxHlc) total.maxHlc = c.hlc;
    if (c.hlc <= skewLine) return;
    const ahead = aheadMs(parseHlc(c.hlc), o.now);
    const w = warned.get(c.origin);
    if (!w) warned.set(c.origin, { code: 'CLOCK_SKEW', origin: c.origin, aheadMs: ahead });
    else w.aheadMs = Math.max(w.aheadMs, ahead);
  };
  const flush = () => {
    if (!run.length) return;
    const part = applyChanges(db, run, projections, { sequenced: true, fieldsJson: runFields });
    total.applied += part.applied;
    for (const [entity, ids] of part.touched) {
      const held = total.touched.get(entity);
      if (held) for (const id of ids) held.add(id);
      else total.touched.set(entity, ids);
    }
    run = [];
    runFields = new Map();
  };
  const touch = (entity: string, id: string) => {
    let ids = o.affected.get(entity);
    if (!ids) o.affected.set(entity, (ids = new Set()));
    ids.add(id);
  };
  const judge = (change: Change, raw: Record<string, unknown>): Verdict => {
    if (upstream && typeof raw.refused === 'string') {
      const code = typeof raw.code === 'string' && raw.code.length <= 40 ? raw.code : 'INVALID_VALUE';
      return { kind: parkedCodes.has(code) ? 'parked' : 'rejected', code, reason: raw.refused, upstream: true };
    }
    const v = o.checked?.has(raw) ? ({ kind: 'ok' } as const) : checkReceivedChange(raw);
    if (v.kind !== 'ok') return { ...v, upstream: false };
    const a = !upstream && o.authorize ? o.authorize(change) : { kind: 'ok' as const };
    if (a.kind !== 'ok') return { kind: 'rejected', code: a.code, reason: a.reason, upstream: false };
    const once = immutable(change); // last: only a change about to be applied counts as written
    return once.kind === 'refused' ? { kind: 'rejected', code: once.code, reason: once.reason, upstream: false } : a;
  };
  const store = (change: Change, v: Exclude<Verdict, { kind: 'ok' }>) => {
    rows.refuse(change, v, o.now);
    total.refused.push({ origin: change.origin, seq: change.seq, kind: v.kind, code: v.code, reason: v.reason });
  };

  for (const { origin, seq, raw } of entries) {
    const last = known.get(origin) ?? heldMaxSeq(db, origin);
    const change = normalizeChange(origin, seq, raw);
    if (seq > last) {
      if (seq !== last + 1) throw seqGap(origin, last + 1, seq);
      known.set(origin, seq);
      const verdict = judge(change, raw);
      if (verdict.kind === 'ok') {
        run.push(change);
        // normalizeChange keeps the entry's own fields object: the JSON worked out for it holds.
        const fields = o.checked?.get(raw);
        if (fields !== undefined && change.fields === raw.fields) runFields.set(change, fields);
        noteStamp(change);
        continue;
      }
      flush();
      store(change, verdict);
      continue;
    }
    known.set(origin, last);
    flush(); // a repeat may be of a change still waiting in the run
    const held = rows.held(origin, seq);
    const same = held !== undefined && held.digest === changeDigest(change);
    if (!upstream) {
      if (!same) {
        throw new AppError(
          'ORIGIN_FORKED',
          `This node already holds another change numbered ${seq} from ${origin}: that computer's data was copied or restored from a backup. Nothing from this batch was saved; the sending computer must pull first, which gives it a new identity, then send again.`,
          undefined,
          { origin, seq },
        );
      }
      total.duplicates++;
      continue;
    }
    const verdict = judge(change, raw);
    if (same && sameVerdict(held, verdict)) {
      total.duplicates++;
      continue;
    }
    // Upstream's version or verdict replaces what this node holds; the records recompute.
    const record = rows.appliedRecord(origin, seq);
    if (record) touch(record.entity, record.id);
    rows.remove(origin, seq);
    if (verdict.kind === 'ok') {
      rows.insertApplied(change);
      touch(change.entity, change.id);
      noteStamp(change);
    } else {
      store(change, verdict);
    }
    total.replaced++;
  }
  flush();
  total.clockWarnings = [...warned.values()];
  return total;
}

function sameVerdict(held: HeldEntry, v: Verdict): boolean {
  if (v.kind === 'ok') return held.state === 'applied';
  return held.state === 'refused' && held.reason === v.reason && held.code === v.code && held.upstream === v.upstream;
}
