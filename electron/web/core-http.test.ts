import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName, Output, Result } from '../../shared/contract';
import { DATABASE_FILE } from '../core/app';
import { startCoreWorker, type CoreHandle } from '../core/worker/host';
import { subscribeToCore } from './events';
import { startWebServer, type WebServer } from './server';
import { makePng } from './testing';

/**
 * The real core (on its worker thread) behind the real browser-mode server, called the way the renderer calls it:
 * fetch with the bearer token. Every refused request must leave the database as it was.
 */

let dataDir: string;
let core: CoreHandle;
let server: WebServer;
let reader: Database.Database;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'curator-web-core-'));
  const rendererDir = join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  // The core on its own thread, as `npm run web` runs it.
  core = await startCoreWorker({ dataDir, mode: 'test', actor: 'web.test' });
  server = await startWebServer({ dispatch: (m, i) => core.dispatch(m, i), subscribe: subscribeToCore(core), rendererDir });
  // A second, read-only connection: WAL lets it see every commit the core makes.
  reader = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
});

afterAll(async () => {
  reader.close();
  await server.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * POSTs like the renderer's web client. The answer is typed by the method when the name is in
 * the contract; tests of refused requests only look at `ok` and `error`.
 */
async function post<M extends string>(
  method: M,
  body: unknown,
  options: { token?: string | null; raw?: string } = {},
): Promise<{ status: number; result: Result<M extends MethodName ? Output<M> : unknown> }> {
  const token = options.token === undefined ? server.token : options.token;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}rpc/${method}`, { method: 'POST', headers, body: options.raw ?? JSON.stringify(body) });
  return { status: res.status, result: (await res.json()) as Result<M extends MethodName ? Output<M> : unknown> };
}

/** What a write would change: the change log, the records and the stored attachments. */
function footprint() {
  const count = (table: string) => (reader.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { changes: count('changes'), records: count('records'), attachments: count('attachments') };
}

async function searchTotal(query = ''): Promise<number> {
  const { result } = await post('experts.search', { query });
  expect(result.ok).toBe(true);
  return result.ok ? result.value.total : -1;
}

const validExpert = {
  givenName: 'Thu Hằng',
  familyName: 'Nguyễn Thị',
  nameOrder: 'family-given',
  country: 'VN',
  agency: 'Ministry of Home Affairs',
  position: 'Deputy Director, Civil Service Department',
  email: 'hang.nguyen@moha.gov.vn',
};

describe('browser mode with the real core', () => {
  let createdId = '';

  it('creates an expert over HTTP, and search finds them without diacritics', async () => {
    const before = footprint();
    const { status, result } = await post('experts.create', {
      expert: validExpert,
      portfolio: [{ kind: 'publication', title: 'Competency frameworks in Viet Nam', year: 2021, description: '', link: '' }],
    });
    expect(status).toBe(200);
    expect(result).toMatchObject({ ok: true, value: { givenName: 'Thu Hằng', country: 'VN', status: 'active' } });
    createdId = result.ok ? result.value.id : '';
    expect(result.ok && result.value.portfolio).toHaveLength(1);
    expect(footprint().records).toBe(before.records + 2);

    const found = await post('experts.search', { query: 'nguyen hang' });
    expect(found.result).toMatchObject({ ok: true, value: { total: 1 } });
    expect(found.result.ok && found.result.value.items[0]).toMatchObject({ id: createdId, displayName: 'Nguyễn Thị Thu Hằng' });
    // Typing a prefix finds them too.
    expect(await searchTotal('ngu')).toBe(1);
    expect(await searchTotal('competency')).toBe(1);
    expect(await searchTotal('somchai')).toBe(0);
  });

  it('streams a changed event to an SSE client when an expert is created', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}events`, { headers: { Authorization: `Bearer ${server.token}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value);
    const created = post('experts.create', { expert: { givenName: 'Somchai', familyName: 'Wongsakul', country: 'TH' } });
    while (!text.includes('event: changed')) text += decoder.decode((await reader.read()).value);
    controller.abort();
    expect((await created).result.ok).toBe(true);
    expect(text).toMatch(/event: changed\ndata: \{"entities":\["expert"\]\}/);
  });

  describe('refuses bad input with a clear error and writes nothing', () => {
    const cases: { name: string; method: MethodName | 'experts.delete'; body?: unknown; raw?: string; token?: string | null; status: number; code: string; path?: (string | number)[]; message?: RegExp }[] = [
      {
        name: 'an invalid email',
        method: 'experts.create',
        body: { expert: { ...validExpert, email: 'hang.nguyen@' } },
        status: 200,
        code: 'INVALID_INPUT',
        path: ['expert', 'email'],
        message: /email address/,
      },
      {
        name: 'an unknown country code',
        method: 'experts.create',
        body: { expert: { ...validExpert, country: 'XX' } },
        status: 200,
        code: 'INVALID_INPUT',
        path: ['expert', 'country'],
        message: /11 ASEAN member states/,
      },
      { name: 'a malformed payload', method: 'experts.create', body: { expert: 'x' }, status: 200, code: 'INVALID_INPUT', path: ['expert'] },
      { name: 'a body that is not JSON', method: 'experts.create', raw: '{"expert": {', status: 400, code: 'INVALID_INPUT' },
      {
        name: 'an unknown expertise term',
        method: 'experts.create',
        body: { expert: { ...validExpert, expertise: ['no-such-term'] } },
        status: 200,
        code: 'UNKNOWN_TERM',
      },
      {
        name: 'a photo that is not an image',
        method: 'attachments.putPhoto',
        body: { mime: 'image/png', dataBase64: Buffer.from('%PDF-1.7 not a photo').toString('base64') },
        status: 200,
        code: 'ATTACHMENT_INVALID',
        message: /not a PNG, JPEG or WebP/,
      },
      {
        name: 'a photo over 5 MB',
        method: 'attachments.putPhoto',
        body: { mime: 'image/png', dataBase64: Buffer.concat([makePng(8, 8), Buffer.alloc(5.5 * 1024 * 1024)]).toString('base64') },
        status: 200,
        code: 'ATTACHMENT_TOO_LARGE',
        message: /limit is 5 MB/,
      },
      {
        name: 'a photo far over the limit',
        method: 'attachments.putPhoto',
        body: { mime: 'image/png', dataBase64: Buffer.concat([makePng(8, 8), Buffer.alloc(7 * 1024 * 1024)]).toString('base64') },
        status: 200,
        code: 'INVALID_INPUT',
        message: /larger than 5 MB/,
      },
      {
        // The limit leaves room for a 16 MB interview recording in base64 (22.4 MB), no more.
        name: 'a request body over 24 MB',
        method: 'attachments.putPhoto',
        body: { mime: 'image/png', dataBase64: 'A'.repeat(25 * 1024 * 1024) },
        status: 413,
        code: 'INVALID_INPUT',
      },
      { name: 'a request without the token', method: 'experts.create', body: { expert: validExpert }, token: null, status: 401, code: 'UNAUTHORIZED' },
      { name: 'a request with a wrong token', method: 'experts.create', body: { expert: validExpert }, token: 'guess', status: 401, code: 'UNAUTHORIZED' },
      { name: 'an unknown method', method: 'experts.delete', body: { id: 'x' }, status: 404, code: 'UNKNOWN_METHOD' },
    ];

    for (const c of cases) {
      it(c.name, async () => {
        const before = footprint();
        const totalBefore = await searchTotal();
        const { status, result } = await post(c.method, c.body, { token: c.token, raw: c.raw });
        expect(status).toBe(c.status);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe(c.code);
        expect(result.error.message.length).toBeGreaterThan(10);
        if (c.message) expect(result.error.message).toMatch(c.message);
        if (c.path) expect(result.error.issues?.map((i) => i.path)).toContainEqual(c.path);
        expect(footprint()).toEqual(before);
        expect(await searchTotal()).toBe(totalBefore);
      });
    }
  });

  it('a refused update leaves the stored record unchanged', async () => {
    const before = footprint();
    const { result } = await post('experts.update', { id: createdId, patch: { email: 'not an email', position: 'Director' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(footprint()).toEqual(before);
    const stored = await post('experts.get', { id: createdId });
    expect(stored.result).toMatchObject({ ok: true, value: { email: validExpert.email, position: validExpert.position } });
  });

  it('stores a real PNG once, re-encoded, by the hash of the stored bytes', async () => {
    const png = makePng(32, 32);
    const first = await post('attachments.putPhoto', { mime: 'image/png', dataBase64: png.toString('base64') });
    expect(first.result).toMatchObject({ ok: true, value: { mime: 'image/webp', size: expect.any(Number) } });
    const again = await post('attachments.putPhoto', { mime: 'image/png', dataBase64: png.toString('base64') });
    expect(again.result.ok && again.result.value.hash).toBe(first.result.ok && first.result.value.hash);
    expect(footprint().attachments).toBe(1);
  });
});
