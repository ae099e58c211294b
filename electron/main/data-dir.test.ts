import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectDataDir } from './data-dir';

describe('selectDataDir', () => {
  const base = { appData: '/home/ana/.config', isPackaged: true, env: {}, cwd: '/work' };

  it('uses the per-user folder of the product when installed', () => {
    expect(selectDataDir(base)).toEqual({ dir: path.join('/home/ana/.config', 'A-EXPECS Curator'), source: 'default' });
  });

  it('keeps development data apart from the installed app', () => {
    expect(selectDataDir({ ...base, isPackaged: false })).toEqual({
      dir: path.join('/home/ana/.config', 'A-EXPECS Curator (dev)'),
      source: 'dev',
    });
  });

  it('lets CURATOR_DATA_DIR choose, resolving a relative path against the working folder', () => {
    expect(selectDataDir({ ...base, env: { CURATOR_DATA_DIR: '/tmp/e2e-1' } })).toEqual({ dir: path.resolve('/tmp/e2e-1'), source: 'env' });
    expect(selectDataDir({ ...base, isPackaged: false, env: { CURATOR_DATA_DIR: 'data' } }).dir).toBe(path.resolve('/work', 'data'));
  });

  it('ignores an empty CURATOR_DATA_DIR', () => {
    expect(selectDataDir({ ...base, env: { CURATOR_DATA_DIR: '  ' } }).source).toBe('default');
  });
});
