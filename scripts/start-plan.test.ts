import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, startPlan } from './start-plan.mjs';

const electronDir = '/repo/node_modules/electron';

/** A file system holding exactly the given files (path → text). */
function fs(files: Record<string, string>) {
  return {
    exists: (file: string) => Object.prototype.hasOwnProperty.call(files, file),
    readText: (file: string) => files[file] ?? null,
  };
}

describe('electronBinary', () => {
  it('finds the binary that path.txt names under dist/', () => {
    const binary = path.join(electronDir, 'dist', 'electron');
    expect(electronBinary({ electronDir, env: {}, ...fs({ [path.join(electronDir, 'path.txt')]: 'electron', [binary]: '' }) })).toBe(binary);
  });

  it('reports none when the download was skipped (no path.txt, no dist/)', () => {
    expect(electronBinary({ electronDir, env: {}, ...fs({}) })).toBeNull();
  });

  it('reports none when path.txt names a binary that is not there', () => {
    expect(electronBinary({ electronDir, env: {}, ...fs({ [path.join(electronDir, 'path.txt')]: 'electron\n' }) })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const binary = path.join('/opt/electron', 'electron');
    expect(electronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, ...fs({ [binary]: '' }) })).toBe(binary);
    expect(electronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, ...fs({}) })).toBeNull();
  });
});

describe('startPlan', () => {
  it('when the binary is present, silently makes the Electron build of better-sqlite3, then runs electron-vite dev', () => {
    expect(startPlan({ binary: '/x/electron' })).toEqual({
      mode: 'electron',
      notice: [],
      steps: [
        { tool: 'electron-native', args: [] },
        { tool: 'electron-vite', args: ['dev'] },
      ],
    });
  });

  it('otherwise says why, builds, and starts browser mode', () => {
    const plan = startPlan({ binary: null });
    expect(plan.mode).toBe('browser');
    expect(plan.notice[0]).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    expect(plan.notice[0]).toContain('browser mode');
    expect(plan.notice[1]).toContain('mode peramban');
    expect(plan.steps).toEqual([
      { tool: 'electron-vite', args: ['build'] },
      { tool: 'tsx', args: ['electron/web/cli.ts'] },
    ]);
  });
});
