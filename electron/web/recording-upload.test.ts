import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECORDING_BYTES } from '../../shared/attachments';
import { makeWav } from '../core/services/attachments/audio-testing';
import { startCoreWorker, type CoreHandle } from '../core/worker/host';
import { subscribeToCore } from './events';
import { startWebServer, type WebServer } from './server';

/**
 * The largest interview recording (16 MB, 22.4 MB as base64 JSON) through browser mode's real
 * server to the real core on its worker thread: the transport's body limit leaves room for it,
 * and one byte more is refused by the core with its own code.
 */

let dataDir: string;
let core: CoreHandle;
let server: WebServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'curator-web-recording-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  core = await startCoreWorker({ dataDir, mode: 'test', actor: 'web.test' });
  server = await startWebServer({ dispatch: (m, i) => core.dispatch(m, i), subscribe: subscribeToCore(core), rendererDir });
});

afterAll(async () => {
  await server.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(method: string, body: unknown): Promise<{ status: number; result: { ok: boolean; value?: Record<string, unknown>; error?: { code: string } } }> {
  const res = await fetch(`${server.url}rpc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` }, body: JSON.stringify(body) });
  return { status: res.status, result: (await res.json()) as never };
}

describe('a recording at the size limit in browser mode', () => {
  it('is stored whole; one byte more is refused as too large', async () => {
    const me = await post('profile.create', { name: 'Ana Curator', role: 'curator', email: '', country: null, agency: 'ACCSM Secretariat', expertise: [], declaredConflicts: [], disabled: false });
    expect(me.result.ok).toBe(true);
    const samples = (MAX_RECORDING_BYTES - 44) / 2;
    const full = makeWav(samples / 8000, 8000);
    expect(full.length).toBe(MAX_RECORDING_BYTES);
    const stored = await post('reports.putRecording', { name: 'Two-hour workshop.wav', mime: 'audio/wav', dataBase64: full.toString('base64') });
    expect([stored.status, stored.result.value?.bytes, stored.result.value?.durationSec]).toEqual([200, MAX_RECORDING_BYTES, Math.round((samples / 8000) * 10) / 10]);

    const over = Buffer.concat([full, Buffer.alloc(1)]);
    const refused = await post('reports.putRecording', { name: 'Two-hour workshop.wav', mime: 'audio/wav', dataBase64: over.toString('base64') });
    expect(refused.result.error?.code).toBe('ATTACHMENT_TOO_LARGE');
  }, 60_000);
});
