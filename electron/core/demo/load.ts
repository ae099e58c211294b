import { AppError } from '../../../shared/contract/result';
import { uuidv7 } from '../../../shared/ids';
import { expertDefaults } from '../../../shared/model/expert';
import type { ChangeFunnel } from '../changes/funnel';
import type { Write } from '../changes/types';
import type { Db } from '../db/open';
import { generateExperts } from './generate';

export interface DemoLoadOptions {
  experts: number;
  seed: number;
  actor: string;
  /** Experts per transaction; between batches the event loop is free for other requests. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export function expertCount(db: Db): number {
  return db.prepare("SELECT count(*) FROM records WHERE entity = 'expert'").pluck().get() as number;
}

/**
 * Loads deterministic synthetic experts through the change funnel, in batches. Only on an
 * empty directory: demo data mixed into real data would be hard to take out again.
 */
export async function loadDemoData(db: Db, funnel: ChangeFunnel, o: DemoLoadOptions): Promise<{ created: number }> {
  if (expertCount(db) > 0) {
    throw new AppError('NOT_EMPTY', 'Demo data can only be loaded into an empty directory, and this one already has experts. Nothing was added.');
  }
  // 500 experts (~150 ms) per transaction: the event loop, and with it IPC, is never held for long.
  const batchSize = o.batchSize ?? 500;
  let done = 0;
  let batch: Write[] = [];
  let inBatch = 0;
  const flush = async () => {
    funnel.write(o.actor, batch);
    done += inBatch;
    batch = [];
    inBatch = 0;
    o.onProgress?.(done, o.experts);
    await new Promise((r) => setImmediate(r));
  };
  o.onProgress?.(0, o.experts);
  for (const { expert, portfolio } of generateExperts(o.experts, o.seed)) {
    const id = uuidv7();
    // Marked as demo, so a synthetic expert can never pass for a real one.
    batch.push({ entity: 'expert', id, fields: { ...expertDefaults, ...expert, status: 'active', statusReason: '', demo: true } });
    for (const item of portfolio) batch.push({ entity: 'portfolio', id: uuidv7(), fields: { ...item, expertId: id } });
    if (++inBatch === batchSize) await flush();
  }
  if (inBatch > 0) await flush();
  return { created: done };
}
