import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// package.json is "type": "module", so this config is ESM: there is no __dirname.
const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // better-sqlite3, electron-updater, zod stay in node_modules: the main process can require() them.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The core's worker thread (electron/core/worker/host.ts starts it as out/main/core-worker.js).
          'core-worker': resolve(root, 'electron/core/worker/entry.ts'),
          // A first sync's snapshot reader, a thread the core starts (electron/core/sync/snapshot-reader.ts).
          'snapshot-worker': resolve(root, 'electron/core/sync/snapshot-worker.ts'),
          // The database log's checkpointer, a thread the core starts (electron/core/db/checkpointer.ts).
          'checkpoint-worker': resolve(root, 'electron/core/db/checkpoint-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require() only 'electron' (and a few Node shims), never a file
      // from node_modules: bundle every dependency (zod, pulled in by the contract's name check).
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload cannot require() chunks either: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
