/**
 * The dedupe figures: a directory of generated experts written through the change funnel
 * with the dedupe projection, then every probe of the labelled set (dataset.ts) checked
 * against it as the app checks an application (findDuplicates). A candidate counts as found
 * when it is shown as a likely duplicate (score ≥ LIKELY_DUPLICATE).
 * - dedupe.recall: of the probes that are a directory expert, the share whose expert is found;
 * - dedupe.precision: of the likely duplicates shown for all probes, the share that are right;
 * - dedupe.check_ms: one check against the whole directory, median and 95th percentile;
 * - dedupe.projection_cpu_share: what the projection adds to the CPU of bulk writes (it only
 *   queues), and dedupe.drain_experts_per_cpu_s: how fast the queue is then indexed;
 * - dedupe.recall_shown: the share whose expert is among the candidates shown at all (likely
 *   or possible), and recall apart for duplicates that kept an e-mail or phone and those
 *   that kept neither (their name, country and agency are all there is to go on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import type { Write } from '../../electron/core/changes/types';
import { openDatabase } from '../../electron/core/db/open';
import { findDuplicates } from '../../electron/core/services/dedupe/find';
import { drainDedupe } from '../../electron/core/services/dedupe/pending';
import { dedupeProjection } from '../../electron/core/services/dedupe/projection';
import { uuidv7 } from '../../shared/ids';
import { expertDefaults } from '../../shared/model/expert';
import { buildDataset } from './dataset';
import type { Person } from './variants';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** The seed of the figures in bench/results.json; another seed checks that the matcher was not fitted to this one. */
export const SEED = 20_260_707;

/** What the matcher reads of a person, for a log line a reader can scan (the directory holds whole expert records). */
const shown = (p: Person) => JSON.stringify({ givenName: p.givenName, familyName: p.familyName, otherNames: p.otherNames, email: p.email, phone: p.phone, country: p.country, agency: p.agency, gender: p.gender, education: p.education.map((e) => `${e.institution} ${e.year ?? '?'}`) });

export function runDedupeBench(quick: boolean, log: (line: string) => void = () => {}, seed = SEED): Figure[] {
  const size = quick ? 10_000 : 100_000;
  const probesEach = quick ? 300 : 1000;
  const { directory, probes } = buildDataset(size, probesEach, probesEach, seed);
  const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-bench-'));
  try {
    const db = openDatabase(join(dir, 'dedupe.db'));
    const cpuOf = (run: () => void) => {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      return used.user + used.system;
    };
    // The projection's own CPU, measured inside the funnel's transaction, against the whole write's.
    const cpu = { projection: 0, writes: 0 };
    const projection = dedupeProjection(db);
    const funnel = new ChangeFunnel(db, [{ ...projection, update: (touched, states) => void (cpu.projection += cpuOf(() => projection.update(touched, states))) }]);
    const ids = directory.map(() => uuidv7());
    let writeMs = 0;
    for (let i = 0; i < directory.length; i += 1000) {
      const writes: Write[] = directory.slice(i, i + 1000).map((d, k) => ({ entity: 'expert', id: ids[i + k]!, fields: { ...expertDefaults, ...d, status: 'active', statusReason: '' } }));
      const t = performance.now();
      cpu.writes += cpuOf(() => funnel.write('bench', writes));
      writeMs += performance.now() - t;
    }
    // The projection only queues the writes; the index is built here, as the idle indexer would.
    const t1 = performance.now();
    const drainCpu = cpuOf(() => drainDedupe(db));
    writeMs += performance.now() - t1;
    const keys = db.prepare('SELECT count(*) FROM dedupe_key').pluck().get() as number;

    let truePositives = 0;
    let falsePositives = 0;
    let duplicates = 0;
    let shownAtAll = 0;
    const byContact = { with: { found: 0, all: 0 }, without: { found: 0, all: 0 } };
    const missedBy = new Map<string, number>();
    const times: number[] = [];
    for (const probe of probes) {
      const t = performance.now();
      const candidates = findDuplicates(db, probe.person);
      times.push(performance.now() - t);
      const likely = candidates.filter((c) => c.likely);
      const target = probe.same === null ? null : ids[probe.same]!;
      if (target !== null) {
        duplicates++;
        const group = probe.keptContact ? byContact.with : byContact.without;
        group.all++;
        if (likely.some((c) => c.id === target)) {
          truePositives++;
          group.found++;
        } else {
          const key = probe.variations.join('+');
          missedBy.set(key, (missedBy.get(key) ?? 0) + 1);
          const found = candidates.find((c) => c.id === target);
          // The candidates above the expert say whether a namesake outranked them or the name itself fell short.
          const above = found ? candidates.filter((c) => c.score >= found.score && c.id !== target).length : candidates.length;
          log(`missed [${key}] ${shown(probe.person)} ~ ${shown(directory[probe.same!]!)} → ${JSON.stringify(found ?? null)} (${above} other candidates at or above)`);
        }
        if (candidates.some((c) => c.id === target)) shownAtAll++;
      }
      for (const c of likely) {
        if (c.id !== target) {
          falsePositives++;
          log(`false [${target === null ? 'look-alike' : 'beside a duplicate'}] ${shown(probe.person)} ~ ${shown(directory[ids.indexOf(c.id)]!)} ${c.score} ${JSON.stringify(c.reasons)}`);
        }
      }
    }
    log(`missed by variation: ${JSON.stringify([...missedBy])}`);
    db.close();
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    const round = (v: number) => Math.round(v * 1000) / 1000;
    return [
      { name: 'dedupe.recall', value: round(truePositives / duplicates), unit: `share (${duplicates} duplicates, ${probes.length - duplicates} look-alikes)` },
      { name: 'dedupe.precision', value: round(truePositives / Math.max(1, truePositives + falsePositives)), unit: `share (${falsePositives} wrong of ${truePositives + falsePositives} shown as likely)` },
      { name: 'dedupe.recall_shown', value: round(shownAtAll / duplicates), unit: 'share found among all candidates shown (likely or possible)' },
      { name: 'dedupe.recall_with_contact', value: round(byContact.with.found / byContact.with.all), unit: `share (${byContact.with.all} duplicates that kept an e-mail or phone)` },
      { name: 'dedupe.recall_name_only', value: round(byContact.without.found / byContact.without.all), unit: `share (${byContact.without.all} duplicates that kept neither)` },
      { name: 'dedupe.check_ms', value: round(at(0.5)), unit: `ms, median (${size.toLocaleString('en')} experts)` },
      { name: 'dedupe.check_ms_p95', value: round(at(0.95)), unit: `ms (${size.toLocaleString('en')} experts)` },
      { name: 'dedupe.projection_cpu_share', value: round(cpu.projection / cpu.writes), unit: 'share of the CPU of bulk expert writes through the funnel spent in the dedupe projection (no other projection)' },
      { name: 'dedupe.drain_experts_per_cpu_s', value: Math.round(size / (drainCpu / 1e6)), unit: 'experts indexed per CPU second when the queue is drained (deferred from the write)' },
      { name: 'dedupe.index_rows_per_s', value: Math.round(size / (writeMs / 1000)), unit: `experts/s through the funnel (${keys.toLocaleString('en')} keys)` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
