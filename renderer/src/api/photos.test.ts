import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoSizeFor } from '../../../shared/photos';
import { openCore, type Core } from '../../../electron/core/app';
import { subscribeToCore } from '../../../electron/web/events';
import { photoKey as serverPhotoKey } from '../../../electron/web/photos';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { makePng } from '../../../electron/web/testing';
import { photoKey, photoRouteReady, photoUrl, photoUrlFor, setPhotoToken } from './photos';

const hash = '0123456789abcdef'.repeat(4);

describe('photo URLs', () => {
  it('derive the same per-launch key as the browser-mode server, never the token itself', async () => {
    for (const token of ['abc', 'x'.repeat(43), 'tōken-with-ünicode', 'Zm9vYmFy_-']) {
      const key = await photoKey(token);
      expect(key).toBe(serverPhotoKey(token));
      expect(key).not.toContain(token);
      expect(key).toMatch(/^[\w-]{43}$/);
    }
  });

  it('name the app:// route in Electron and the keyed route in browser mode', () => {
    expect(photoUrlFor({ kind: 'app' }, hash, 48)).toBe(`app://curator/photos/48/${hash}.webp`);
    expect(photoUrlFor({ kind: 'web', key: 'k3y' }, hash, 256)).toBe(`/photos/k3y/256/${hash}.webp`);
    expect(photoUrlFor({ kind: 'web', key: null }, hash, 96)).toBeNull();
  });

  it('pick the thumbnail that fills the avatar at the screen’s pixel ratio', () => {
    expect([photoSizeFor(40), photoSizeFor(40, 2), photoSizeFor(96), photoSizeFor(96, 2), photoSizeFor(112), photoSizeFor(112, 2), photoSizeFor(112, 3)]).toEqual([48, 96, 96, 256, 128, 256, 256]);
    expect(photoSizeFor(40, Number.NaN)).toBe(48);
  });
});

describe('photo URLs against the real browser-mode server', () => {
  let dataDir: string;
  let core: Core;
  let server: WebServer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'curator-renderer-photos-'));
    mkdirSync(join(dataDir, 'renderer'));
    writeFileSync(join(dataDir, 'renderer', 'index.html'), '<!doctype html>');
    core = openCore({ dataDir, mode: 'test' });
    server = await startWebServer({ dispatch: core.dispatch, subscribe: subscribeToCore(core), photoFile: core.photoFile, rendererDir: join(dataDir, 'renderer') });
  });
  afterAll(async () => {
    await server.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('load the stored photo as an <img> would: a GET with no header', async () => {
    const stored = await core.dispatch('attachments.putPhoto', { mime: 'image/png', dataBase64: makePng(120, 80).toString('base64') });
    expect(stored.ok).toBe(true);
    const storedHash = stored.ok ? (stored.value as { hash: string }).hash : '';

    setPhotoToken(server.token);
    await photoRouteReady();
    const url = photoUrl(storedHash, 48)!;
    expect(url).toMatch(/^\/photos\//);
    const res = await fetch(new URL(url, server.url));
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/webp']);

    setPhotoToken('a token of another launch');
    await photoRouteReady();
    expect((await fetch(new URL(photoUrl(storedHash, 48)!, server.url))).status).toBe(404);
  });
});
