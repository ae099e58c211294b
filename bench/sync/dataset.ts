/**
 * The data every sync figure moves: experts from the app's own demo generator with their
 * portfolio items, as the records the app holds (one per expert, one per portfolio item, the
 * fields loadDemoData writes). Ids are drawn from a seeded source too, so the same
 * (count, seed) always gives the same records, byte for byte, on PouchDB's side and on ours.
 */
import { expertDefaults } from '../../shared/model/expert';
import { generateExperts } from '../../electron/core/demo/generate';
import { Rng } from '../../electron/core/demo/prng';

export interface BenchRecord {
  entity: 'expert' | 'portfolio';
  id: string;
  fields: Record<string, unknown>;
}

/** 2026-01-01T00:00:00Z: the time part of every id, one millisecond further per expert. */
const ID_EPOCH_MS = 1_767_225_600_000;

/** A UUIDv7-shaped id (the app's id format) whose random part comes from `rng`. */
export function seededId(rng: Rng, ms: number): string {
  const bytes = new Uint8Array(16);
  for (let i = 6; i < 16; i += 4) {
    const r = rng.u32();
    for (let k = 0; k < 4 && i + k < 16; k++) bytes[i + k] = (r >>> (8 * k)) & 0xff;
  }
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Each expert, then its portfolio items: the order a curator's device would have written them. */
export function* syncRecords(experts: number, seed: number): Generator<BenchRecord> {
  const ids = new Rng((seed ^ 0x1d5a7c03) >>> 0);
  let n = 0;
  for (const { expert, portfolio } of generateExperts(experts, seed)) {
    const ms = ID_EPOCH_MS + n++;
    const id = seededId(ids, ms);
    yield { entity: 'expert', id, fields: { ...expertDefaults, ...expert, status: 'active', statusReason: '', demo: true } };
    for (const item of portfolio) yield { entity: 'portfolio', id: seededId(ids, ms), fields: { ...item, expertId: id } };
  }
}

/** A PouchDB document of a record: its id, what kind it is, and the same fields. */
export function pouchDoc(r: BenchRecord): Record<string, unknown> {
  return { _id: r.id, entity: r.entity, ...r.fields };
}

/**
 * What a harness keeps of the records while it measures: their count, every 97th record (the
 * sample it compares field by field after a sync) and the first experts' ids (the ones it edits).
 * Not the records themselves: 170,000 records held in the process that also runs a sync client
 * would make every garbage collection of that client mark them, which a real desktop (its core
 * in a worker thread of its own) never pays. PouchDB's client and ours run with the same set.
 */
export interface BenchSet {
  count: number;
  sample: BenchRecord[];
  expertIds: string[];
}

export const SAMPLE_EVERY = 97;

export function benchSet(experts: number, seed: number, keepExpertIds = 2000): BenchSet {
  const set: BenchSet = { count: 0, sample: [], expertIds: [] };
  for (const r of syncRecords(experts, seed)) {
    if (set.count++ % SAMPLE_EVERY === 0) set.sample.push(r);
    if (r.entity === 'expert' && set.expertIds.length < keepExpertIds) set.expertIds.push(r.id);
  }
  return set;
}
