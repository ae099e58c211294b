// `npm start`: the Electron app where its binary is installed, otherwise the same renderer
// and core in the browser over electron/web. scripts/start-plan.mjs decides; this runs it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { electronBinary, startPlan } from './start-plan.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

// Resolving package.json finds the package without executing its index.js (which would download).
const electronDir = path.dirname(require.resolve('electron/package.json'));
const binary = electronBinary({
  electronDir,
  env: process.env,
  exists: existsSync,
  readText: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null),
});
const plan = startPlan({ binary });
for (const line of plan.notice) console.log(line);

/** Each tool's CLI script, run with this same Node: no shell, no npx lookup, same on every OS. */
const cli = {
  'electron-native': path.join(root, 'scripts', 'electron-native.mjs'),
  'electron-vite': path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
  tsx: require.resolve('tsx/cli'),
};

for (const step of plan.steps) {
  const code = await run(process.execPath, [cli[step.tool], ...step.args]);
  if (code !== 0) process.exit(code);
}

/** Runs a child in the foreground; Ctrl+C reaches it too, since it shares the terminal. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
