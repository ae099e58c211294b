import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM, systemPlan, type SystemFacts } from './system-plan.mjs';

/** A fresh Debian machine, run as root, with nothing the tests need. */
const bare: SystemFacts = {
  chromiumPath: DEFAULT_CHROMIUM,
  chromiumFromEnv: false,
  chromiumFound: false,
  hasAptGet: true,
  installedPackages: [],
  isRoot: true,
  hasSudo: false,
};
const ready: SystemFacts = { ...bare, chromiumFound: true, installedPackages: ['chromium', 'fonts-noto-core', 'fonts-dejavu-core', 'libreoffice-writer-nogui', 'poppler-utils'] };

describe('systemPlan', () => {
  it('does nothing when Chromium and the fonts are there', () => {
    expect(systemPlan(ready)).toEqual({ action: 'ok' });
    // Chromium installed some other way (not a Debian package) counts as well.
    expect(systemPlan({ ...ready, installedPackages: ['fonts-noto-core', 'fonts-dejavu-core', 'libreoffice-writer-nogui', 'poppler-utils'] })).toEqual({ action: 'ok' });
  });

  it('as root with apt-get, installs exactly what is missing, after an update', () => {
    const plan = systemPlan(bare);
    expect(plan).toMatchObject({
      action: 'install',
      packages: ['chromium', 'fonts-noto-core', 'fonts-dejavu-core', 'libreoffice-writer-nogui', 'poppler-utils'],
      commands: [
        ['apt-get', 'update'],
        ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-core', 'fonts-dejavu-core', 'libreoffice-writer-nogui', 'poppler-utils'],
      ],
    });
    const onlyFonts = systemPlan({ ...ready, installedPackages: ['chromium', 'fonts-dejavu-core', 'libreoffice-writer-nogui', 'poppler-utils'] });
    expect(onlyFonts).toMatchObject({ action: 'install', packages: ['fonts-noto-core'] });
  });

  it('without root, stops with the exact command to run', () => {
    const withSudo = systemPlan({ ...bare, isRoot: false, hasSudo: true, installedPackages: ['fonts-noto-core', 'fonts-dejavu-core', 'libreoffice-writer-nogui', 'poppler-utils'] });
    expect(withSudo.action).toBe('stop');
    const text = withSudo.action === 'stop' ? withSudo.message.join('\n') : '';
    expect(text).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium');
    expect(text).toContain('chromium: the browser');

    const noSudo = systemPlan({ ...bare, isRoot: false, hasSudo: false });
    expect(noSudo.action === 'stop' && noSudo.message.join('\n')).toContain(
      "su -c 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-core fonts-dejavu-core libreoffice-writer-nogui poppler-utils'",
    );
  });

  it('off Debian, asks for Chromium and its path; fonts cannot be checked there', () => {
    const plan = systemPlan({ ...bare, hasAptGet: false, installedPackages: null });
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message.join('\n')).toMatch(/CHROMIUM_PATH=\/path\/to\/chromium npm test/);
    expect(systemPlan({ ...bare, hasAptGet: false, installedPackages: null, chromiumFound: true })).toEqual({ action: 'ok' });
  });

  it('never installs over a CHROMIUM_PATH that points nowhere: it says so', () => {
    const plan = systemPlan({ ...bare, chromiumPath: '/opt/chrome/chrome', chromiumFromEnv: true });
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message[0]).toBe('CHROMIUM_PATH is set to /opt/chrome/chrome, but no program is there.');
  });
});

describe('scripts/check-system.mjs', () => {
  it('stops at once with the reason, and a non-zero exit code', () => {
    const script = fileURLToPath(new URL('./check-system.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CHROMIUM_PATH is set to /nonexistent/chromium, but no program is there.');
  });
});
