/**
 * npm run demo-data -- --experts N [--seed S] [--data-dir DIR]
 * Loads deterministic synthetic experts into an empty directory, through the same core the
 * app uses, with a progress line.
 */
import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { openCore } from '../electron/core/app';
import { defaultDataDir } from '../electron/web/options';

const { values } = parseArgs({
  options: { experts: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, 'data-dir': { type: 'string' } },
});
const experts = Number(values.experts);
const seed = Number(values.seed);
if (!Number.isInteger(experts) || experts < 1 || experts > 200_000 || !Number.isInteger(seed)) {
  console.error('Give --experts a whole number from 1 to 200000 (and --seed a whole number).');
  process.exit(2);
}
const dataDir = values['data-dir'] ?? defaultDataDir(process.platform, process.env, homedir(), process.cwd());
let core: ReturnType<typeof openCore>;
try {
  core = openCore({ dataDir, mode: 'web', actor: 'demo-data' });
} catch (error) {
  console.error(`The data in ${dataDir} could not be opened: ${(error as Error).message}. Nothing was changed.`);
  process.exit(1);
}
const started = Date.now();
core.on('progress', ({ done, total }) => {
  process.stdout.write(`\rLoading demo experts: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.floor((done / total) * 100)}%)`);
});
const result = await core.dispatch('demo.load', { experts, seed });
process.stdout.write('\n');
core.close();
if (!result.ok) {
  console.error(result.error.message);
  process.exit(1);
}
console.log(`Loaded ${experts.toLocaleString('en')} experts into ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
