import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppFile } from './app-protocol';

const root = '/opt/curator/out/renderer';
const resolve = (url: string) => resolveAppFile(root, url, path.posix);

describe('resolveAppFile', () => {
  it('maps app:// paths to files inside the renderer folder', () => {
    expect(resolve('app://curator/index.html')).toBe(`${root}/index.html`);
    expect(resolve('app://curator/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
    expect(resolve('app://curator/assets/a%20b.css?v=1#x')).toBe(`${root}/assets/a b.css`);
  });

  it('serves index.html for the root', () => {
    expect(resolve('app://curator/')).toBe(`${root}/index.html`);
    expect(resolve('app://curator')).toBe(`${root}/index.html`);
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://curator/../../etc/passwd',
      'app://curator/%2e%2e/%2e%2e/etc/passwd',
      'app://curator/..%2f..%2fetc%2fpasswd',
      'app://curator/assets/..%2f..%2f..%2fsecret',
      'app://curator/%2fetc%2fpasswd/..%2f..%2f..%2f..%2fetc',
      'app://curator/..%2F',
    ]) {
      const file = resolve(url);
      if (file !== null) expect(file.startsWith(`${root}/`), `${url} → ${file}`).toBe(true);
    }
    expect(resolve('app://curator/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolve('app://curator/..%2F')).toBeNull();
  });

  it('refuses backslash escapes on Windows', () => {
    const winRoot = 'C:\\curator\\out\\renderer';
    expect(resolveAppFile(winRoot, 'app://curator/..%5c..%5cWindows%5cwin.ini', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://curator/assets%5c..%5c..%5c..%5cx', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://curator/C:%5cWindows', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://curator/assets/a.js', path.win32)).toBe('C:\\curator\\out\\renderer\\assets\\a.js');
  });

  it('refuses other hosts, other schemes, malformed escapes and NUL bytes', () => {
    expect(resolve('app://evil/index.html')).toBeNull();
    expect(resolve('file:///opt/curator/out/renderer/index.html')).toBeNull();
    expect(resolve('https://curator/index.html')).toBeNull();
    expect(resolve('app://curator/%E0%A4%A')).toBeNull();
    expect(resolve('app://curator/index.html%00.png')).toBeNull();
    expect(resolve('not a url')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer build emits', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});
