import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where a thread's code is: `built`, next to the built core (out/main, electron.vite.config.ts
 * lists it as an entry), or else the TypeScript source `ts` through tsx (tests, browser mode),
 * which source-entry.mjs registers first. Null when neither is there.
 */
export function threadEntry(built: URL, ts: URL): { file: URL; tsEntry?: string } | null {
  if (existsSync(built)) return { file: built };
  const source = new URL('./source-entry.mjs', import.meta.url);
  if (existsSync(source) && existsSync(ts)) return { file: source, tsEntry: fileURLToPath(ts) };
  return null;
}
