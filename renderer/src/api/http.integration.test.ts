import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/app';
import { subscribeToCore } from '../../../electron/web/events';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { createApi, type Api } from './client';
import { createHttpBridge } from './http';

/**
 * The renderer's HTTP client against the real browser-mode server and core: proves both sides
 * read the protocol the same way (paths, token, Result bodies, SSE framing).
 */
let dir: string;
let core: Core;
let server: WebServer;
let api: Api;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'curator-renderer-http-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
  core = openCore({ dataDir: dir, mode: 'test', actor: 'renderer-test' });
  server = await startWebServer({ dispatch: (m, i) => core.dispatch(m, i), subscribe: subscribeToCore(core), rendererDir, port: 0 });
  api = createApi(createHttpBridge({ baseUrl: `http://127.0.0.1:${server.port}`, token: server.token }));
});

afterAll(async () => {
  await server?.close();
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTP client ↔ browser-mode server', () => {
  it('calls methods and gets typed results', async () => {
    const info = await api.call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { actor: 'renderer-test', mode: 'test', expertCount: 0 } });
  });

  it('receives the change event of a write over SSE', async () => {
    const changed: unknown[] = [];
    const off = api.on('changed', (p) => changed.push(p));
    // Events sent before the stream is open go nowhere, so keep writing until one arrives
    // (a handful of writes at most; the test's own timeout bounds it).
    for (let i = 0; changed.length === 0; i++) {
      const created = await api.call('experts.create', { expert: { givenName: `Probe ${i}`, country: 'TL' } });
      expect(created.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    off();
    expect(changed.length).toBeGreaterThan(0);
  });

  it('gets field issues for bad input, and UNAUTHORIZED without the token', async () => {
    const bad = await api.call('experts.create', { expert: { givenName: 'X', country: 'ID', email: 'nope' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_INPUT');
      expect(bad.error.issues).toContainEqual({ path: ['expert', 'email'], message: 'Enter an email address such as name@agency.gov.' });
    }
    const stranger = createApi(createHttpBridge({ baseUrl: `http://127.0.0.1:${server.port}`, token: 'wrong' }));
    const refused = await stranger.call('app.info', {});
    expect(refused.ok === false && refused.error.code).toBe('UNAUTHORIZED');
  });
});
