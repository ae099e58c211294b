import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, launchUrl, parseWebCliArgs } from './options';

describe('defaultDataDir', () => {
  it('uses the per-user application data folder of each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/a-expecs-curator');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/ana')).toBe('/data/cfg/a-expecs-curator');
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'cfg' }, '/home/ana')).toBe('/home/ana/.config/a-expecs-curator');
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/a-expecs-curator');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\a-expecs-curator',
    );
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\a-expecs-curator');
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
