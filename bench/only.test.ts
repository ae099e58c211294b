import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeGroupOnly } from './only';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function results(figures: unknown[]): URL {
  const dir = mkdtempSync(join(tmpdir(), 'curator-bench-only-'));
  dirs.push(dir);
  const file = join(dir, 'results.json');
  writeFileSync(file, JSON.stringify(figures));
  return pathToFileURL(file);
}

describe('npm run bench -- <group>', () => {
  it('replaces the group’s figures and keeps every other, including another group’s under the same prefix', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'table').mockImplementation(() => undefined);
    const file = results([
      { name: 'search.p95_ms', value: 3, unit: 'ms' },
      // Written by `bench -- figures` (bench/figures), named under report.* as the documents' figures are.
      { name: 'report.figure_compute_ms', value: 40, unit: 'ms' },
      { name: 'report.mtr_50_ms', value: 9000, unit: 'ms' },
    ]);
    expect(writeGroupOnly(file, 'report', [{ name: 'report.mtr_50_ms', value: 8000, unit: 'ms' }])).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([
      { name: 'search.p95_ms', value: 3, unit: 'ms' },
      { name: 'report.figure_compute_ms', value: 40, unit: 'ms' },
      { name: 'report.mtr_50_ms', value: 8000, unit: 'ms' },
    ]);
  });
});
