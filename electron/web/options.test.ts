import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataDir, defaultDataDir, launchUrl, parseWebCliArgs } from './options';

describe('appDataDir', () => {
  it('finds the per-user application data folder of each platform, as Electron does', () => {
    expect(appDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config');
    expect(appDataDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/ana')).toBe('/data/cfg');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(appDataDir('linux', { XDG_CONFIG_HOME: 'cfg' }, '/home/ana')).toBe('/home/ana/.config');
    expect(appDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support');
    expect(appDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming');
    expect(appDataDir('win32', {}, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming');
  });
});

describe('defaultDataDir', () => {
  it('is the folder the Electron shell uses when run from source', () => {
    expect(defaultDataDir('linux', {}, '/home/ana', '/repo')).toBe('/home/ana/.config/A-EXPECS Curator (dev)');
    expect(defaultDataDir('darwin', {}, '/Users/ana', '/repo')).toBe('/Users/ana/Library/Application Support/A-EXPECS Curator (dev)');
  });

  it('honours CURATOR_DATA_DIR like the shell', () => {
    expect(defaultDataDir('linux', { CURATOR_DATA_DIR: 'alt' }, '/home/ana', '/repo')).toBe('/repo/alt');
  });
});

describe('parseWebCliArgs', () => {
  const defaults = { dataDir: '/home/ana/.config/a-expecs-curator', rendererDir: '/repo/out/renderer', cwd: '/work' };

  it('falls back to the defaults and a random port', () => {
    expect(parseWebCliArgs([], defaults)).toEqual({ ok: true, options: { dataDir: defaults.dataDir, port: 0, rendererDir: defaults.rendererDir } });
  });

  it('resolves given folders against the working directory', () => {
    const parsed = parseWebCliArgs(['--data-dir', 'data', '--port', '8123', '--renderer=/opt/r'], defaults);
    expect(parsed).toEqual({ ok: true, options: { dataDir: join('/work', 'data'), port: 8123, rendererDir: '/opt/r' } });
  });

  it('explains a bad port or an unknown option instead of throwing', () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port', '-1'], ['--host', '0.0.0.0'], ['extra']]) {
      const parsed = parseWebCliArgs(argv, defaults);
      expect(parsed.ok, argv.join(' ')).toBe(false);
    }
  });
});

describe('launchUrl', () => {
  it('puts the token in the fragment, which the browser never sends to the server', () => {
    expect(launchUrl('http://127.0.0.1:5000/', 'abc_-1')).toBe('http://127.0.0.1:5000/#token=abc_-1');
  });
});
