// Decides what `npm test` needs from the operating system before the end-to-end specs run,
// and what to do about what is missing. Free of side effects so scripts/system-plan.test.ts
// can drive it with made-up facts; scripts/check-system.mjs gathers the facts and acts.

/** Where playwright.config.ts looks for the browser unless CHROMIUM_PATH says otherwise. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The Debian packages the tests need. Chromium is found by its path (any install will do);
 * the fonts, which only Debian's package manager can tell us about, by package name.
 * @type {readonly { name: string, why: string }[]}
 */
export const SYSTEM_PACKAGES = [
  { name: 'chromium', why: 'the browser the end-to-end tests drive (Playwright never downloads one)' },
  { name: 'fonts-noto-core', why: 'fonts for the Thai, Lao, Khmer and Myanmar names the tests show' },
  { name: 'fonts-dejavu-core', why: 'the fallback font the screenshots are drawn with' },
  { name: 'libreoffice-writer-nogui', why: 'opens exported DOCX letters and documents as a reader would, converting them to PDF' },
  { name: 'poppler-utils', why: 'pdftotext and pdftoppm, which read exported PDFs back as text and page images' },
];

/**
 * @typedef {{
 *   chromiumPath: string,
 *   chromiumFromEnv: boolean,
 *   chromiumFound: boolean,
 *   hasAptGet: boolean,
 *   installedPackages: string[] | null,
 *   isRoot: boolean,
 *   hasSudo: boolean,
 * }} SystemFacts
 * `installedPackages` lists which of SYSTEM_PACKAGES dpkg reports installed; null without dpkg.
 *
 * @typedef {{ action: 'ok' }
 *   | { action: 'install', packages: string[], commands: string[][], notice: string[] }
 *   | { action: 'stop', message: string[] }} SystemPlan
 */

/**
 * @param {SystemFacts} facts
 * @returns {SystemPlan}
 */
export function systemPlan(facts) {
  if (facts.chromiumFromEnv && !facts.chromiumFound) {
    // Someone chose a browser on purpose: installing Debian's would not be used. Say so.
    return {
      action: 'stop',
      message: [
        `CHROMIUM_PATH is set to ${facts.chromiumPath}, but no program is there.`,
        'Point CHROMIUM_PATH at an installed Chromium, or unset it to use Debian\'s /usr/bin/chromium.',
      ],
    };
  }
  const installed = facts.installedPackages;
  const missing = SYSTEM_PACKAGES.filter((p) =>
    p.name === 'chromium' ? !facts.chromiumFound : installed !== null && !installed.includes(p.name),
  );
  if (missing.length === 0) return { action: 'ok' };
  const names = missing.map((p) => p.name);
  const reasons = missing.map((p) => `  ${p.name}: ${p.why}`);

  if (!facts.hasAptGet) {
    return {
      action: 'stop',
      message: [
        'The end-to-end tests need Chromium, and it was not found at ' + `${facts.chromiumPath}.`,
        'Install Chromium with this system\'s package manager, then run the tests with its path, e.g.',
        '  CHROMIUM_PATH=/path/to/chromium npm test',
      ],
    };
  }
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...names];
  if (facts.isRoot) {
    return {
      action: 'install',
      packages: names,
      commands: [['apt-get', 'update'], install],
      notice: ['The tests need system packages that are missing; installing them with apt-get:', ...reasons],
    };
  }
  const command = facts.hasSudo
    ? `sudo apt-get update && sudo ${install.join(' ')}`
    : `su -c 'apt-get update && ${install.join(' ')}'`;
  return {
    action: 'stop',
    message: ['The tests need system packages that are missing:', ...reasons, 'Install them (this needs administrator rights), then run `npm test` again:', `  ${command}`],
  };
}
