import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../core/app';
import { subscribeToCore } from './events';
import { photoKey } from './photos';
import { startWebServer, type WebServer } from './server';
import { makePng, rawRequest } from './testing';

/** The photo route of browser mode, against the real core and the real server on 127.0.0.1. */

let dataDir: string;
let core: Core;
let server: WebServer;
let hash = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'curator-web-photos-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  core = openCore({ dataDir, mode: 'test', actor: 'web.test' });
  server = await startWebServer({ dispatch: (m, i) => core.dispatch(m, i), subscribe: subscribeToCore(core), photoFile: core.photoFile, rendererDir });
  const stored = await core.dispatch('attachments.putPhoto', { mime: 'image/png', dataBase64: makePng(300, 200).toString('base64') });
  if (!stored.ok) throw new Error(stored.error.message);
  hash = (stored.value as { hash: string }).hash;
});

afterAll(async () => {
  await server.close();
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const host = () => ({ Host: `127.0.0.1:${server.port}` });
const photoUrl = (size: number, h = hash, key = photoKey(server.token)) => `/photos/${key}/${size}/${h}.webp`;

describe('browser-mode photo route', () => {
  it('serves a thumbnail to an <img>: no Authorization header, the per-launch key in the path', async () => {
    const res = await fetch(new URL(photoUrl(96), server.url));
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    });
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 96, 96]);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await rawRequest(server.port, { method: 'HEAD', path: photoUrl(48), headers: host() });
    expect([res.status, res.headers['content-type'], res.body]).toEqual([200, 'image/webp', '']);
  });

  it('never takes the launch token itself as the key, nor a wrong or missing key', async () => {
    for (const path of [
      photoUrl(48, hash, server.token),
      photoUrl(48, hash, photoKey('another launch')),
      photoUrl(48, hash, ''),
      `/photos/48/${hash}.webp`,
    ]) {
      const res = await rawRequest(server.port, { path, headers: { ...host(), Authorization: `Bearer ${server.token}` } });
      expect.soft([res.status, res.headers['content-type']], path).toEqual([404, 'text/plain; charset=utf-8']);
      expect.soft(res.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('refuses sizes not served, unknown photos and every way out of the route', async () => {
    const key = photoKey(server.token);
    for (const path of [
      photoUrl(40),
      photoUrl(4096),
      photoUrl(48, 'e'.repeat(64)),
      `/photos/${key}/48/${hash}.png`,
      `/photos/${key}/48/..%2f..%2fcurator.db`,
      `/photos/${key}/48/../../curator.db`,
      `/photos/${key}/%34%38/${hash}.webp`,
      `/photos/${key}/48/${hash}%00.webp`,
      `/photos/${key}/48/..%5c..%5ccurator.db`,
      `/photos/${key}//48/${hash}.webp`,
      `/photos/${key}/photo-cache/48/${hash}.webp`,
    ]) {
      const res = await rawRequest(server.port, { path, headers: host() });
      // `..` segments are resolved by the URL parser first, which lands outside /photos/: the static files' 404.
      expect.soft(res.status, path).toBe(404);
      expect.soft(res.headers['content-type'], path).not.toBe('image/webp');
    }
  });

  it('checks the Host header first, as for every request, and allows only GET and HEAD', async () => {
    expect((await rawRequest(server.port, { path: photoUrl(48), headers: { Host: `evil.example:${server.port}` } })).status).toBe(403);
    const post = await rawRequest(server.port, { method: 'POST', path: photoUrl(48), headers: host(), body: '' });
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });
});
