import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_CSP } from '../../shared/attachmentFiles';
import { DATABASE_FILE, openCore, type Core } from '../core/app';
import { openDatabase } from '../core/db/open';
import { putAttachment, putPhoto, putRecording } from '../core/services/attachments';
import { makeOggOpus } from '../core/services/attachments/audio-testing';
import { attachmentKey } from './attachments';
import { subscribeToCore } from './events';
import { startWebServer, type WebServer } from './server';
import { makePng, rawRequest } from './testing';

/** The attachment route of browser mode, against the real core and the real server on 127.0.0.1. */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
let dataDir: string;
let core: Core;
let server: WebServer;
let pdfHash = '';
let pngHash = '';
let photoHash = '';
let oggHash = '';
const OGG = makeOggOpus(1);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'curator-web-attachments-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  // Stored the way applications.putAttachment stores them (checked by their bytes), before the core opens.
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  pdfHash = (await putAttachment(db, 'cv.pdf', PDF)).hash;
  pngHash = (await putAttachment(db, 'certificate.png', makePng(40, 30))).hash;
  photoHash = (await putPhoto(db, makePng(64, 64).toString('base64'))).hash;
  oggHash = putRecording(db, 'interview.ogg', OGG).hash;
  db.close();
  core = openCore({ dataDir, mode: 'test', actor: 'web.test' });
  server = await startWebServer({ dispatch: (m, i) => core.dispatch(m, i), subscribe: subscribeToCore(core), attachmentFile: core.attachmentFile, rendererDir });
});

afterAll(async () => {
  await server.close();
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const host = () => ({ Host: `127.0.0.1:${server.port}` });
const url = (hash: string, key = attachmentKey(server.token)) => `/attachments/${key}/${hash}`;

describe('browser-mode attachment route', () => {
  it('serves a stored PDF to a frame: its recorded type, inline, no sniffing, sandboxed, framed by the app only', async () => {
    const res = await fetch(new URL(url(pdfHash), server.url));
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
      'content-security-policy': ATTACHMENT_CSP,
      'x-frame-options': 'SAMEORIGIN',
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
    });
    expect(ATTACHMENT_CSP).toMatch(/^sandbox;/);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('serves an image attachment with its own type', async () => {
    const res = await fetch(new URL(url(pngHash), server.url));
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png']);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await rawRequest(server.port, { method: 'HEAD', path: url(pdfHash), headers: host() });
    expect([res.status, res.headers['content-type'], res.body]).toEqual([200, 'application/pdf', '']);
  });

  it('never takes the launch token or the photo key as the key, nor a wrong or missing one', async () => {
    for (const path of [url(pdfHash, server.token), url(pdfHash, attachmentKey('another launch')), url(pdfHash, ''), `/attachments/${pdfHash}`]) {
      const res = await rawRequest(server.port, { path, headers: { ...host(), Authorization: `Bearer ${server.token}` } });
      expect.soft([res.status, res.headers['content-type'], res.headers['cache-control']], path).toEqual([404, 'text/plain; charset=utf-8', 'no-store']);
    }
  });

  it('refuses unknown hashes, stored photos (not documents) and every way out of the route', async () => {
    const key = attachmentKey(server.token);
    for (const path of [
      url('e'.repeat(64)),
      url(photoHash),
      url(pdfHash.toUpperCase()),
      `/attachments/${key}/${pdfHash}/x`,
      `/attachments/${key}/..%2f..%2fcurator.db`,
      `/attachments/${key}/../../${DATABASE_FILE}`,
    ]) {
      const res = await rawRequest(server.port, { path, headers: host() });
      expect.soft(res.status, path).toBe(404);
    }
  });

  it('serves an interview recording with its audio type and the same hardening, whole or by byte range', async () => {
    const whole = await fetch(new URL(url(oggHash), server.url));
    expect(Object.fromEntries(whole.headers)).toMatchObject({
      'content-type': 'audio/ogg',
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'content-security-policy': ATTACHMENT_CSP,
      'cache-control': 'private, no-store',
    });
    expect(Buffer.from(await whole.arrayBuffer()).equals(OGG)).toBe(true);
    const part = await fetch(new URL(url(oggHash), server.url), { headers: { Range: 'bytes=0-99' } });
    expect([part.status, part.headers.get('content-range'), part.headers.get('content-length')]).toEqual([206, `bytes 0-99/${OGG.length}`, '100']);
    expect(Buffer.from(await part.arrayBuffer()).equals(OGG.subarray(0, 100))).toBe(true);
    const tail = await fetch(new URL(url(oggHash), server.url), { headers: { Range: 'bytes=-10' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(OGG.subarray(OGG.length - 10))).toBe(true);
    const past = await fetch(new URL(url(oggHash), server.url), { headers: { Range: `bytes=${OGG.length}-` } });
    expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${OGG.length}`]);
    // Several ranges at once are answered with the whole file (RFC 9110 allows it).
    expect((await fetch(new URL(url(oggHash), server.url), { headers: { Range: 'bytes=0-1,5-9' } })).status).toBe(200);
  });

  it('allows only GET and HEAD', async () => {
    const res = await rawRequest(server.port, { method: 'POST', path: url(pdfHash), headers: host() });
    expect([res.status, res.headers.allow]).toEqual([405, 'GET, HEAD']);
  });
});
