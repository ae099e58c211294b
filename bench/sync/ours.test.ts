import { describe, expect, it } from 'vitest';
import { benchSet } from './dataset';
import { mergeSyncFigures } from './index';
import { ourFigures } from './ours';

describe('the sync figures harness, on the real server and client', () => {
  // Small, so the test is quick: the harness throws when a count or a record differs, or a push is refused.
  it('runs every figure end to end and checks what arrived', async () => {
    const records = benchSet(30, 9);
    const { figures, initialDocsPerS } = await ourFigures(records, { experts: 30, seed: 9, pushExperts: 5, noopRuns: 1, pullEdits: 10, pushEdits: 15, log: () => {} });
    expect(figures.map((f) => f.name)).toEqual([
      'sync.initial_docs_per_s',
      'sync.initial_client_cpu_ms',
      'sync.initial_server_cpu_ms',
      'sync.noop_ms',
      'sync.noop_cpu_ms',
      'sync.pull100_ms',
      'sync.pull100_cpu_ms',
      'sync.push1000_ms',
      'sync.push1000_cpu_ms',
      'server.push_changes_per_s',
      'server.push_cpu_us_per_change',
    ]);
    expect(initialDocsPerS).toBeGreaterThan(0);
    const unit = (name: string) => figures.find((f) => f.name === name)!.unit;
    expect(unit('sync.initial_docs_per_s')).toContain(`${records.count} docs`);
    expect(unit('sync.pull100_ms')).toContain('10 edits');
    expect(unit('sync.push1000_ms')).toMatch(/\d+ edits pushed/);
  }, 180_000);
});

describe('mergeSyncFigures', () => {
  it('replaces the sync and server figures of an earlier run and keeps the others', () => {
    const previous = [
      { name: 'search.p95_ms', value: 10, unit: 'ms' },
      { name: 'sync.noop_ms', value: 99, unit: 'ms' },
      { name: 'server.push_changes_per_s', value: 1, unit: 'changes/s' },
    ];
    const merged = mergeSyncFigures(previous, [{ name: 'sync.noop_ms', value: 5, unit: 'ms' }]);
    expect(merged).toEqual([
      { name: 'search.p95_ms', value: 10, unit: 'ms' },
      { name: 'sync.noop_ms', value: 5, unit: 'ms' },
    ]);
  });
});
