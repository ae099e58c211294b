import path from 'node:path';
import type { Messages } from './messages';

/**
 * better-sqlite3 built for Electron, as scripts/electron-native.mjs leaves it; relative to the
 * repository root. node_modules/better-sqlite3 is built for Node, for the tests.
 */
export const ELECTRON_NATIVE_BINDING = ['.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'] as const;

export interface NativeBindingContext {
  isPackaged: boolean;
  /** The folder of the built main script: out/main when run from source. */
  mainDir: string;
  exists: (file: string) => boolean;
}

/**
 * The `nativeBinding` option for better-sqlite3, or undefined for its own lookup.
 * - Packaged: electron-builder rebuilt node_modules/better-sqlite3 for Electron; use it.
 * - From source: the Electron build that `npm start` makes, if it is there. If it is not
 *   (`electron-vite dev` run directly), the default Node build fails to load and the start-up
 *   dialog says to run `npm start` (see nativeDriverAdvice).
 */
export function electronNativeBinding({ isPackaged, mainDir, exists }: NativeBindingContext): string | undefined {
  if (isPackaged) return undefined;
  const file = path.join(mainDir, '..', '..', ...ELECTRON_NATIVE_BINDING);
  return exists(file) ? file : undefined;
}

/** Node's words when a native module was built for another ABI (Node instead of Electron, or an older Electron). */
export function isNativeModuleMismatch(message: string): boolean {
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message);
}

/** What to add to the start-up error for a curator or developer to act on, if anything. */
export function nativeDriverAdvice(message: string, isPackaged: boolean, text: Messages): string | null {
  if (!isNativeModuleMismatch(message)) return null;
  // A packaged app has no npm; a mismatch there means a broken installation.
  return isPackaged ? text.nativeDriverReinstall : text.nativeDriverRebuild;
}
