import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expertDefaults } from '../../../../shared/model/expert';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase } from '../../db/open';
import { startDedupeIndexer } from './indexer';
import { dedupePending } from './pending';
import { dedupeProjection } from './projection';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('dedupe indexer', () => {
  it('drains the queue in batches in the background, and again after later writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-idx-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'curator.db'));
    const stop = startDedupeIndexer(db, { batch: 7, pollMs: 5 });
    try {
      const funnel = new ChangeFunnel(db, [dedupeProjection(db)]);
      const write = (from: number, n: number) =>
        funnel.write('ana', Array.from({ length: n }, (_, i) => ({ entity: 'expert', id: `01900000-0000-7000-8000-${String(from + i).padStart(12, '0')}`, fields: { ...expertDefaults, givenName: `Budi ${from + i}`, country: 'ID' } })));
      write(0, 30);
      expect(dedupePending(db)).toBe(true);
      await vi.waitFor(() => expect(dedupePending(db)).toBe(false), { timeout: 5000 });
      expect(db.prepare('SELECT count(*) FROM dedupe_person').pluck().get()).toBe(30);
      write(30, 3);
      await vi.waitFor(() => expect(dedupePending(db)).toBe(false), { timeout: 5000 });
      expect(db.prepare('SELECT count(*) FROM dedupe_person').pluck().get()).toBe(33);
    } finally {
      stop();
      db.close();
    }
  });

  it('waits while busy, and drains once no longer busy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-dedupe-idx-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'curator.db'));
    let busy = true;
    let looks = 0;
    const stop = startDedupeIndexer(db, { batch: 5, pollMs: 5, busy: () => (looks++, busy) });
    try {
      const funnel = new ChangeFunnel(db, [dedupeProjection(db)]);
      funnel.write('ana', [{ entity: 'expert', id: '01900000-0000-7000-8000-000000000001', fields: { ...expertDefaults, givenName: 'Budi', country: 'ID' } }]);
      await vi.waitFor(() => expect(looks).toBeGreaterThan(3), { timeout: 5000 });
      expect(dedupePending(db)).toBe(true);
      busy = false;
      await vi.waitFor(() => expect(dedupePending(db)).toBe(false), { timeout: 5000 });
    } finally {
      stop();
      db.close();
    }
  });
});
