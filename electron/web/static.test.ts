import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, contentTypeFor, resolveStaticPath } from './static';

const root = resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it('maps / to index.html and other paths inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.png')).toBe(join(root, 'assets', 'a b.png'));
    expect(resolveStaticPath(root, '/index.html?x=1#y')).toBe(join(root, 'index.html'));
  });

  it('refuses parent segments however they are spelled', () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/./../package.json',
    ]) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });

  it('refuses backslashes, NUL bytes, malformed encoding, relative and root-only paths', () => {
    for (const p of ['/..\\package.json', '/%5c..%5cpackage.json', '/index.html%00.png', '/%E0%A4%A', 'index.html']) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });

  it('refuses a path that would resolve to an absolute one outside the folder', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBeNull();
    expect(resolveStaticPath(root, '/%2fetc/passwd')).toBeNull();
  });
});

describe('content types and caching', () => {
  it('names the types the renderer build emits', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });

  it('never caches index.html', () => {
    expect(cacheControlFor('/x/index.html')).toBe('no-store');
    expect(cacheControlFor('/x/assets/a.js')).toBe('no-cache');
  });
});
