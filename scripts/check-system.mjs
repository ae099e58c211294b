// First step of `npm test` (and of .ci/run): makes sure the system has what the end-to-end
// specs need (scripts/system-plan.mjs decides), so a fresh Debian machine either gets it
// installed (as root) or stops here, at once, with the exact command to run, instead of
// failing deep inside Playwright. Plain Node, no dependencies: it runs before `npm ci` too.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { DEFAULT_CHROMIUM, SYSTEM_PACKAGES, systemPlan } from './system-plan.mjs';

const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;

function facts() {
  return {
    chromiumPath,
    chromiumFromEnv: Boolean(process.env.CHROMIUM_PATH),
    chromiumFound: isExecutable(chromiumPath),
    hasAptGet: onPath('apt-get'),
    installedPackages: installedPackages(),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasSudo: onPath('sudo'),
  };
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(program) {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && isExecutable(`${dir}/${program}`));
}

/** Which of the packages dpkg reports installed, or null where there is no dpkg (not Debian). */
function installedPackages() {
  if (!onPath('dpkg-query')) return null;
  const names = SYSTEM_PACKAGES.map((p) => p.name);
  // One call for all: a package dpkg never heard of is reported on stderr and left out.
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...names], { encoding: 'utf8' });
  if (result.error) return null;
  return result.stdout
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter(([, status]) => status === 'installed')
    .map(([name]) => name);
}

const plan = systemPlan(facts());
if (plan.action === 'stop') {
  console.error(plan.message.join('\n'));
  process.exit(1);
}
if (plan.action === 'install') {
  console.log(plan.notice.join('\n'));
  for (const [command, ...args] of plan.commands) {
    const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) {
      console.error(`\`${[command, ...args].join(' ')}\` failed (${run.error?.message ?? `exit code ${run.status}`}). Fix the cause shown above, or run it yourself, then run the tests again.`);
      process.exit(1);
    }
  }
  const after = systemPlan(facts());
  if (after.action !== 'ok') {
    console.error(['The packages were installed, but the tests still lack something:', ...(after.action === 'stop' ? after.message : after.notice)].join('\n'));
    process.exit(1);
  }
  console.log('System packages installed.');
}
