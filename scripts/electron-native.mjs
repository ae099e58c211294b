// Makes the Electron build of better-sqlite3 that the shell loads when it runs from source.
//
// node_modules/better-sqlite3 stays built for Node: vitest, tsx, the bench and browser mode all
// load it. Electron has its own NODE_MODULE_VERSION, so `npm start` (electron mode) first runs
// this script: it copies the package (sources only) into .electron-native/, rebuilds that copy
// for the installed Electron with @electron/rebuild, and electron/main/native-binding.ts points
// better-sqlite3's `nativeBinding` option at the result. A packaged app never uses this folder:
// electron-builder rebuilds native modules when it packages.
//
// The rebuild itself has never run on the machine this was written on: it has no Electron binary
// and no route to better-sqlite3's prebuilt binaries (GitHub) or Electron's headers
// (electronjs.org). The decisions below are plain functions, tested in electron-native.test.ts
// with a fake file system; ensureElectronNative() only carries them out.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const NATIVE_DIR = '.electron-native';
export const MODULE = 'better-sqlite3';

/** Every path this script reads or writes, from the repository root. */
export function electronNativePaths(root) {
  const dir = path.join(root, NATIVE_DIR);
  const moduleDir = path.join(dir, 'node_modules', MODULE);
  return {
    dir,
    moduleDir,
    packageJson: path.join(dir, 'package.json'),
    stamp: path.join(dir, 'stamp.json'),
    binding: path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'),
    source: path.join(root, 'node_modules', MODULE),
    electronPackageJson: path.join(root, 'node_modules', 'electron', 'package.json'),
  };
}

/**
 * What the build in .electron-native/ is for. Platform and arch too: a binary built on one OS
 * must not be reused on another that shares the folder (a WSL checkout opened from Windows).
 */
export function stampText({ electron, betterSqlite3, platform, arch }) {
  return `${JSON.stringify({ electron, betterSqlite3, platform, arch })}\n`;
}

/**
 * The versions the build must match, read from the installed packages.
 *
 * @param {{ paths: ReturnType<typeof electronNativePaths>, readText: (file: string) => string | null, platform: string, arch: string }} io
 */
export function wantedTarget({ paths, readText, platform, arch }) {
  const versionOf = (file) => {
    const text = readText(file);
    if (text === null) throw new Error(`${file} is missing: run npm install`);
    return JSON.parse(text).version;
  };
  return { electron: versionOf(paths.electronPackageJson), betterSqlite3: versionOf(path.join(paths.source, 'package.json')), platform, arch };
}

/**
 * Reuse the build when the stamp names exactly what is wanted and the binary is there; otherwise
 * rebuild. The stamp is written only after a successful rebuild, so a build that failed halfway
 * leaves no stamp and is tried again next time.
 *
 * @param {{ paths: ReturnType<typeof electronNativePaths>, wanted: ReturnType<typeof wantedTarget>, exists: (file: string) => boolean, readText: (file: string) => string | null }} io
 * @returns {{ action: 'reuse' } | { action: 'rebuild', reason: 'missing' | 'changed' }}
 */
export function nativeBuildPlan({ paths, wanted, exists, readText }) {
  const stamp = readText(paths.stamp);
  if (stamp === null || !exists(paths.binding)) return { action: 'rebuild', reason: 'missing' };
  return stamp === stampText(wanted) ? { action: 'reuse' } : { action: 'rebuild', reason: 'changed' };
}

/**
 * cpSync filter: everything of the package but its build/ folder, which holds the Node build
 * (a stale binary there could be mistaken for the Electron one if the rebuild failed).
 */
export function copyFilter(source) {
  return (file) => {
    const relative = path.relative(source, file);
    return relative !== 'build' && !relative.startsWith(`build${path.sep}`);
  };
}

/** The package.json that makes .electron-native/ a project whose one dependency is the copy. */
export function nativePackageJson(betterSqlite3) {
  const manifest = {
    name: 'a-expecs-curator-electron-native',
    private: true,
    description: 'better-sqlite3 built for Electron, for `npm start`. Made by scripts/electron-native.mjs; safe to delete.',
    dependencies: { [MODULE]: betterSqlite3 },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Options for @electron/rebuild. projectRootPath matters: without it the module walker climbs
 * to every ancestor folder holding a package.json, finds the repository's own
 * node_modules/better-sqlite3 and rebuilds that one for Electron too, breaking the tests.
 */
export function rebuildOptions({ dir, electronVersion }) {
  return {
    buildPath: dir,
    projectRootPath: dir,
    electronVersion,
    onlyModules: [MODULE],
    types: ['prod'],
    force: true,
    mode: 'sequential',
  };
}

export const notices = {
  building: (electron) => [
    `Building the database driver (better-sqlite3) for Electron ${electron} in ${NATIVE_DIR}/; this happens once per Electron version.`,
    `Membangun driver basis data (better-sqlite3) untuk Electron ${electron} di ${NATIVE_DIR}/; ini hanya sekali untuk setiap versi Electron.`,
  ],
  failed: (electron, reason) => [
    `Could not build the database driver (better-sqlite3) for Electron ${electron}: ${reason}`,
    'It needs either a download of its prebuilt binary (github.com) or Electron\'s headers (electronjs.org) and a C++ compiler. Fix that, then run `npm start` again. Tests are not affected.',
    `Driver basis data (better-sqlite3) untuk Electron ${electron} tidak dapat dibangun: ${reason}`,
    'Diperlukan unduhan biner siap pakainya (github.com) atau header Electron (electronjs.org) beserta kompiler C++. Perbaiki hal itu, lalu jalankan `npm start` lagi. Pengujian tidak terpengaruh.',
  ],
};

const readText = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null);

/**
 * Starts .electron-native/ afresh: the folder is ours alone, and a half-finished build must not
 * survive. Leaves the package sources (no build/) and a package.json naming them.
 */
export function prepareBuildFolder(paths, betterSqlite3) {
  rmSync(paths.dir, { recursive: true, force: true });
  mkdirSync(paths.moduleDir, { recursive: true });
  cpSync(paths.source, paths.moduleDir, { recursive: true, filter: copyFilter(paths.source) });
  writeFileSync(paths.packageJson, nativePackageJson(betterSqlite3));
}

/** Carries the plan out. Throws when the rebuild fails or leaves no binary. */
export async function ensureElectronNative(root, log = console.log) {
  const paths = electronNativePaths(root);
  const wanted = wantedTarget({ paths, readText, platform: process.platform, arch: process.arch });
  const plan = nativeBuildPlan({ paths, wanted, exists: existsSync, readText });
  if (plan.action === 'reuse') return { wanted, rebuilt: false };

  for (const line of notices.building(wanted.electron)) log(line);
  prepareBuildFolder(paths, wanted.betterSqlite3);
  // Imported here, not at the top, so the tests of the plain functions never load it.
  // @electron/rebuild comes with electron-builder. It tries better-sqlite3's prebuilt binary
  // first (prebuild-install, found in the repository's node_modules), then node-gyp.
  const { rebuild } = await import('@electron/rebuild');
  await rebuild(rebuildOptions({ dir: paths.dir, electronVersion: wanted.electron }));
  if (!existsSync(paths.binding)) throw new Error(`the rebuild finished without ${path.relative(root, paths.binding)}`);
  writeFileSync(paths.stamp, stampText(wanted));
  return { wanted, rebuilt: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = path.resolve(import.meta.dirname, '..');
  try {
    await ensureElectronNative(root);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    let electron = '?';
    try {
      electron = JSON.parse(readText(electronNativePaths(root).electronPackageJson) ?? '{}').version ?? '?';
    } catch {
      // The version only decorates the message; the reason above is what matters.
    }
    for (const line of notices.failed(electron, reason)) console.error(line);
    process.exit(1);
  }
}
