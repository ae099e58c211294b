import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RebuildOptions } from '@electron/rebuild';
import { afterEach, describe, expect, it } from 'vitest';
import {
  copyFilter,
  electronNativePaths,
  ensureElectronNative,
  nativeBuildPlan,
  notices,
  prepareBuildFolder,
  rebuildOptions,
  stampText,
  wantedTarget,
} from './electron-native.mjs';

const root = path.join('/repo');
const paths = electronNativePaths(root);
const wanted = { electron: '45.5.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' };

/** A file system holding exactly the given files (path → text). */
function fs(files: Record<string, string>) {
  return {
    exists: (file: string) => Object.prototype.hasOwnProperty.call(files, file),
    readText: (file: string) => files[file] ?? null,
  };
}

describe('electronNativePaths', () => {
  it('keeps the Electron build apart from node_modules, where the Node build stays', () => {
    expect(paths.binding).toBe(path.join(root, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(paths.source).toBe(path.join(root, 'node_modules', 'better-sqlite3'));
    expect(paths.electronPackageJson).toBe(path.join(root, 'node_modules', 'electron', 'package.json'));
    expect(path.dirname(paths.stamp)).toBe(paths.dir);
  });
});

describe('wantedTarget', () => {
  it('reads the installed Electron and better-sqlite3 versions', () => {
    const io = fs({
      [paths.electronPackageJson]: JSON.stringify({ name: 'electron', version: '45.5.0' }),
      [path.join(paths.source, 'package.json')]: JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }),
    });
    expect(wantedTarget({ paths, ...io, platform: 'linux', arch: 'x64' })).toEqual(wanted);
  });

  it('names the missing package.json', () => {
    expect(() => wantedTarget({ paths, ...fs({}), platform: 'linux', arch: 'x64' })).toThrow(paths.electronPackageJson);
  });
});

describe('nativeBuildPlan', () => {
  const built = { [paths.binding]: '', [paths.stamp]: stampText(wanted) };

  it('reuses a build made for the same Electron, better-sqlite3, platform and arch', () => {
    expect(nativeBuildPlan({ paths, wanted, ...fs(built) })).toEqual({ action: 'reuse' });
  });

  it('builds when nothing was built yet', () => {
    expect(nativeBuildPlan({ paths, wanted, ...fs({}) })).toEqual({ action: 'rebuild', reason: 'missing' });
  });

  it('builds again when a rebuild failed halfway (a binary but no stamp) or the binary was deleted', () => {
    expect(nativeBuildPlan({ paths, wanted, ...fs({ [paths.binding]: '' }) })).toEqual({ action: 'rebuild', reason: 'missing' });
    expect(nativeBuildPlan({ paths, wanted, ...fs({ [paths.stamp]: stampText(wanted) }) })).toEqual({ action: 'rebuild', reason: 'missing' });
  });

  it('builds again after an upgrade of Electron or better-sqlite3, or on another platform', () => {
    for (const change of [{ electron: '46.0.0' }, { betterSqlite3: '12.12.0' }, { arch: 'arm64' }, { platform: 'win32' }]) {
      expect(nativeBuildPlan({ paths, wanted: { ...wanted, ...change }, ...fs(built) })).toEqual({ action: 'rebuild', reason: 'changed' });
    }
  });
});

describe('copyFilter', () => {
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const keep = copyFilter(source);

  it('copies the sources and leaves out the Node build', () => {
    for (const file of ['', 'package.json', 'binding.gyp', 'lib/index.js', 'deps/sqlite3/sqlite3.c', 'src/better_sqlite3.cpp', 'build.js']) {
      expect(keep(path.join(source, file)), file).toBe(true);
    }
    for (const file of ['build', 'build/Release/better_sqlite3.node', 'build/config.gypi']) {
      expect(keep(path.join(source, file)), file).toBe(false);
    }
  });
});

describe('rebuildOptions', () => {
  it('rebuilds only the copy, for the installed Electron, every time it is asked', () => {
    expect(rebuildOptions({ dir: paths.dir, electronVersion: '45.5.0' })).toEqual({
      buildPath: paths.dir,
      projectRootPath: paths.dir,
      electronVersion: '45.5.0',
      onlyModules: ['better-sqlite3'],
      types: ['prod'],
      force: true,
      mode: 'sequential',
    });
  });
});

describe('notices', () => {
  it('speak English and Bahasa Indonesia', () => {
    expect(notices.building('45.5.0').join('\n')).toMatch(/Building the database driver[\s\S]*Membangun driver basis data/);
    expect(notices.failed('45.5.0', 'no network').join('\n')).toMatch(/Could not build[\s\S]*no network[\s\S]*tidak dapat dibangun/);
  });
});

describe('prepareBuildFolder and @electron/rebuild (real files, nothing compiled)', () => {
  let temp = '';
  afterEach(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  /** A repository whose node_modules holds a small native package in place of better-sqlite3, already "built" for Node. */
  function fakeRepository() {
    temp = mkdtempSync(path.join(tmpdir(), 'electron-native-'));
    const source = path.join(temp, 'node_modules', 'better-sqlite3');
    for (const dir of ['lib', 'build/Release']) mkdirSync(path.join(source, dir), { recursive: true });
    writeFileSync(path.join(temp, 'package.json'), JSON.stringify({ name: 'repo', dependencies: { 'better-sqlite3': '^12.0.0' } }));
    writeFileSync(path.join(source, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
    writeFileSync(path.join(source, 'binding.gyp'), '{ "targets": [] }');
    writeFileSync(path.join(source, 'lib', 'index.js'), 'module.exports = {};');
    writeFileSync(path.join(source, 'build', 'Release', 'better_sqlite3.node'), 'node build');
    return electronNativePaths(temp);
  }

  it('copies the package without its build and names it in a package.json; a previous attempt is wiped', () => {
    const local = fakeRepository();
    mkdirSync(local.dir, { recursive: true });
    writeFileSync(local.stamp, 'from a previous attempt');
    prepareBuildFolder(local, '12.11.1');
    expect(readdirSync(local.moduleDir).sort()).toEqual(['binding.gyp', 'lib', 'package.json']);
    expect(existsSync(local.stamp)).toBe(false);
    expect(JSON.parse(readFileSync(local.packageJson, 'utf8')).dependencies).toEqual({ 'better-sqlite3': '12.11.1' });
    expect(readFileSync(path.join(local.source, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node build');
  });

  it('ensureElectronNative reuses an up-to-date build without touching it', async () => {
    const local = fakeRepository();
    mkdirSync(path.dirname(local.electronPackageJson), { recursive: true });
    writeFileSync(local.electronPackageJson, JSON.stringify({ name: 'electron', version: '45.5.0' }));
    const target = { electron: '45.5.0', betterSqlite3: '12.11.1', platform: process.platform, arch: process.arch };
    mkdirSync(path.dirname(local.binding), { recursive: true });
    writeFileSync(local.binding, 'electron build');
    writeFileSync(local.stamp, stampText(target));
    const lines: string[] = [];
    expect(await ensureElectronNative(temp, (line) => lines.push(line))).toEqual({ wanted: target, rebuilt: false });
    expect(lines).toEqual([]);
    expect(readFileSync(local.binding, 'utf8')).toBe('electron build');
  });

  // @electron/rebuild lists the native modules it found before building each; ignoreModules
  // then skips the build, so this runs the real module walker with no compiler and no network.
  // Typed with @electron/rebuild's own options, so tsc checks that rebuildOptions() fits its API.
  async function modulesFound(options: RebuildOptions) {
    const { rebuild } = await import('@electron/rebuild');
    const found: string[][] = [];
    const run = rebuild({ ...options, ignoreModules: ['better-sqlite3'] });
    run.lifecycle.on('modules-found', (names: string[]) => found.push(names));
    await run;
    return found.flat();
  }

  it('finds only the copy, never the Node build of the repository', async () => {
    const local = fakeRepository();
    prepareBuildFolder(local, '12.11.1');
    const options = rebuildOptions({ dir: local.dir, electronVersion: '45.5.0' });
    expect(await modulesFound(options)).toEqual(['better-sqlite3']);
    // Why projectRootPath is set: without it the walker climbs to the repository and takes its copy too.
    expect(await modulesFound({ ...options, projectRootPath: undefined })).toEqual(['better-sqlite3', 'better-sqlite3']);
  });
});
