import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/canonical';
import { readSnapshot, type CheckedChunk } from './snapshot-reader';
import { snapshotChunks } from './snapshot';

/**
 * The snapshot read on its own thread gives the chunks the core's thread would read itself,
 * with the entries the thread checked by value (and found valid) marked, and fails the same
 * way. Against a real HTTP server on 127.0.0.1: the reader thread uses the platform's fetch.
 */

const NODE = 'aaaaaaaaaaaaaaaa';
const header = { epoch: 'e1', head: 6, count: 5 };
const entry = (seq: number, extra: Record<string, unknown> = {}) => ({
  origin: NODE,
  seq,
  hlc: '001767225600000-000001',
  actor: 'ana',
  entity: 'expert',
  id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  op: 'put',
  fields: { givenName: `E${seq}`, country: 'TH' },
  ...extra,
});
const bad = entry(3, { fields: { givenName: 7 } });
const lines = [
  header,
  { seq: 2, change: entry(1) },
  { seq: 3, change: entry(2) },
  { seq: 4, change: bad },
  { seq: 5, change: entry(4, { refused: 'Out of scope.', code: 'OUT_OF_SCOPE' }) },
  { seq: 6, change: entry(5) },
];

let server: Server | null = null;
afterEach(async () => {
  await new Promise((r) => server?.close(r));
  server = null;
});

/** Serves `answer` for every request; returns the base URL. */
async function serve(answer: (res: ServerResponse) => void): Promise<string> {
  server = createServer((_, res) => answer(res));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const ndjson = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/x-ndjson' });
  res.end(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
};

async function read(baseUrl: string, onThread: boolean, signal = new AbortController().signal): Promise<CheckedChunk[]> {
  const out: CheckedChunk[] = [];
  for await (const c of readSnapshot({ fetch, baseUrl, token: 't', signal, after: 1, size: () => 2 }, onThread)) out.push(c);
  return out;
}

describe('a snapshot read on its own thread', () => {
  it('hands out the chunks read on the core’s thread, the entries it found valid marked as checked', async () => {
    const url = await serve(ndjson);
    const threaded = await read(url, true);
    const here: CheckedChunk[] = [];
    for await (const { lines: _, ...c } of snapshotChunks({ fetch, baseUrl: url, token: 't', signal: new AbortController().signal, after: 1, size: () => 2 })) here.push(c);
    expect(threaded.map(({ checked: _, ...c }) => c)).toEqual(here);
    expect(threaded.map((c) => [c.changes.length, c.seq, c.final])).toEqual([
      [0, 1, false],
      [2, 3, false],
      [2, 5, false],
      [1, 6, true],
    ]);
    // Checked and valid: every entry but the one with a bad value (the funnel checks that one
    // itself and refuses it) and the one upstream refused (a valid change: marked too).
    const checked = threaded.flatMap((c) => c.changes.filter((x) => c.checked?.has(x)).map((x) => (x as { seq: number }).seq));
    expect(checked).toEqual([1, 2, 4, 5]);
    // Each with its fields as the log stores them.
    for (const c of threaded) for (const [x, fields] of c.checked ?? []) expect(fields).toBe(canonicalJson((x as { fields: unknown }).fields));
  });

  it('is read on the core’s thread when asked to, with nothing marked', async () => {
    const chunks = await read(await serve(ndjson), false);
    expect(chunks.every((c) => c.checked === undefined)).toBe(true);
    expect(chunks.flatMap((c) => c.changes)).toHaveLength(5);
  });

  it('is read on the core’s thread when the reader thread cannot start or fails before the stream begins', async () => {
    const url = await serve(ndjson);
    const here = await read(url, false);
    const dir = mkdtempSync(join(tmpdir(), 'curator-reader-'));
    const broken = join(dir, 'broken-reader.mjs');
    writeFileSync(broken, "throw new Error('this reader cannot start');\n");
    const readWith = async (where: () => { file: URL } | null) => {
      const out: CheckedChunk[] = [];
      for await (const c of readSnapshot({ fetch, baseUrl: url, token: 't', signal: new AbortController().signal, after: 1, size: () => 2 }, true, where)) out.push(c);
      return out;
    };
    // A thread whose code fails as it loads, one whose file is missing, and no reader file at all.
    for (const where of [() => ({ file: pathToFileURL(broken) }), () => ({ file: pathToFileURL(join(dir, 'missing.mjs')) }), () => null]) {
      const chunks = await readWith(where);
      expect(chunks).toEqual(here);
      expect(chunks.every((c) => c.checked === undefined)).toBe(true);
    }
  });

  it('fails with the server’s error as the core’s thread would', async () => {
    const url = await serve((res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'TOKEN_REVOKED', message: 'Revoked.' } }));
    });
    await expect(read(url, true)).rejects.toMatchObject({ code: 'TOKEN_REVOKED', serverCode: 'TOKEN_REVOKED', retryable: false });
  });

  it('fails with SERVER_ERROR on a line that is not an entry', async () => {
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(`${JSON.stringify(header)}\n{"seq":2,"change":"x"}\n`);
    });
    await expect(read(url, true)).rejects.toMatchObject({ code: 'SERVER_ERROR' });
  });

  it('stops when the sync is stopped, mid-stream, as OFFLINE', async () => {
    const stop = new AbortController();
    // The header and one entry, then nothing: the stream stays open until the run is stopped.
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${JSON.stringify(header)}\n${JSON.stringify(lines[1])}\n`);
    });
    const chunks: CheckedChunk[] = [];
    const reading = (async () => {
      for await (const c of readSnapshot({ fetch, baseUrl: url, token: 't', signal: stop.signal, after: 1, size: () => 1 }, true)) {
        chunks.push(c);
        if (chunks.length === 2) stop.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ code: 'OFFLINE', retryable: true });
    expect(chunks.map((c) => c.seq)).toEqual([1, 2]);
    server?.closeAllConnections();
  });
});
