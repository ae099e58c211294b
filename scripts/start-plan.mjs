// Decides what `npm start` runs. Kept free of side effects so scripts/start-plan.test.ts can
// drive it with a fake file system; scripts/start.mjs carries the plan out.
import path from 'node:path';

/**
 * Where the Electron binary would be, without running node_modules/electron/index.js: that
 * file tries to download the binary when it is missing, and this machine may have no route
 * to Electron's download host (hence ELECTRON_SKIP_BINARY_DOWNLOAD=1 at install).
 *
 * @param {{ electronDir: string, env: Record<string, string | undefined>, exists: (p: string) => boolean, readText: (p: string) => string | null }} io
 * @returns {string | null} the executable's path when it exists, else null
 */
export function electronBinary({ electronDir, env, exists, readText }) {
  const relative = readText(path.join(electronDir, 'path.txt'))?.trim() || null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative ?? 'electron')
    : relative
      ? path.join(electronDir, 'dist', relative)
      : null;
  return candidate && exists(candidate) ? candidate : null;
}

/**
 * @typedef {{ tool: 'electron-native' | 'electron-vite' | 'tsx', args: string[] }} Step
 * @typedef {{ mode: 'electron' | 'browser', notice: string[], steps: Step[] }} StartPlan
 */

/**
 * @param {{ binary: string | null }} facts
 * @returns {StartPlan}
 */
export function startPlan({ binary }) {
  if (binary) {
    return {
      mode: 'electron',
      notice: [],
      // node_modules/better-sqlite3 is built for Node (the tests need it); Electron loads its own
      // build from .electron-native/, made or reused by scripts/electron-native.mjs.
      steps: [
        { tool: 'electron-native', args: [] },
        { tool: 'electron-vite', args: ['dev'] },
      ],
    };
  }
  return {
    mode: 'browser',
    notice: [
      'The Electron binary is not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1), so A-EXPECS Curator starts in browser mode.',
      'Program Electron tidak terpasang (dipasang dengan ELECTRON_SKIP_BINARY_DOWNLOAD=1), jadi A-EXPECS Curator berjalan dalam mode peramban.',
    ],
    // Always build: a stale out/renderer would show yesterday's screens, and the build takes seconds.
    steps: [
      { tool: 'electron-vite', args: ['build'] },
      { tool: 'tsx', args: ['electron/web/cli.ts'] },
    ],
  };
}
