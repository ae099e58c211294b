import { describe, expect, it } from 'vitest';
import type { Fetch } from './http';
import { snapshotChunks, type SnapshotChunk } from './snapshot';

const NODE = 'aaaaaaaaaaaaaaaa';
const header = { epoch: 'e1', head: 4, count: 3 };
const entry = (seq: number, extra: Record<string, unknown> = {}) => ({
  origin: NODE,
  seq,
  hlc: '001767225600000-000001',
  actor: 'ana',
  entity: 'expert',
  id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  op: 'put',
  fields: { givenName: `E${seq}` },
  ...extra,
});

/** A server answering with these NDJSON lines, cut into small pieces so lines span reads. */
function serving(lines: unknown[]): Fetch {
  const text = lines.map((l) => `${typeof l === 'string' ? l : JSON.stringify(l)}\n`).join('');
  const bytes = new TextEncoder().encode(text);
  return (async () =>
    new Response(
      new ReadableStream({
        start(c) {
          for (let i = 0; i < bytes.length; i += 7) c.enqueue(bytes.slice(i, i + 7));
          c.close();
        },
      }),
      { status: 200, headers: { 'content-type': 'application/x-ndjson' } },
    )) as unknown as Fetch;
}

async function read(lines: unknown[], after = 1, size = 2): Promise<SnapshotChunk[]> {
  const chunks: SnapshotChunk[] = [];
  const source = { fetch: serving(lines), baseUrl: 'http://127.0.0.1:1', token: 't', signal: new AbortController().signal, after, size: () => size };
  for await (const c of snapshotChunks(source)) chunks.push(c);
  return chunks;
}

describe('reading a snapshot stream', () => {
  it('hands out chunks of entries, each with the feed seq of its last line, and the head last', async () => {
    const chunks = await read([header, { seq: 2, change: entry(1) }, { seq: 3, change: entry(2) }, { seq: 4, change: entry(3, { refused: 'Out of scope.', code: 'OUT_OF_SCOPE' }) }]);
    expect(chunks.map((c) => [c.changes.length, c.seq, c.final])).toEqual([
      [0, 1, false],
      [2, 3, false],
      [1, 4, true],
    ]);
    expect(chunks[2]!.changes[0]).toMatchObject({ seq: 3, refused: 'Out of scope.' });
  });

  it('does not end a chunk between an expert and the portfolio items after it, up to a quarter chunk more', async () => {
    const item = (seq: number) => entry(seq, { entity: 'portfolio', fields: { expertId: 'x', title: `T${seq}` } });
    const kinds = (chunks: SnapshotChunk[]) => chunks.filter((c) => c.changes.length).map((c) => c.changes.map((e) => (e as { entity: string }).entity[0]).join(''));
    // Size 4: expert, item, expert, item | item (continues the expert before it) … the next expert starts a chunk.
    const lines = [entry(1), item(2), entry(3), item(4), item(5), entry(6), item(7), item(8), item(9)];
    const chunks = await read([{ ...header, head: 10, count: 9 }, ...lines.map((change, i) => ({ seq: i + 2, change }))], 1, 4);
    expect(kinds(chunks)).toEqual(['epepp', 'eppp']);
    expect(chunks[1]!.seq).toBe(6);
    // Never more than a quarter chunk (here 2 of 8) past the size, however long the record's run.
    const long = [entry(1), ...Array.from({ length: 12 }, (_, i) => item(i + 2))];
    const bounded = await read([{ ...header, head: 14, count: 13 }, ...long.map((change, i) => ({ seq: i + 2, change }))], 1, 8);
    expect(bounded.filter((c) => c.changes.length).map((c) => c.changes.length)).toEqual([10, 3]);
  });

  it('passes an entry with bad values on as sent: the funnel checks it by value and refuses it', async () => {
    const bad = entry(1, { hlc: 12, fields: { givenName: 7 } });
    const chunks = await read([header, { seq: 2, change: bad }]);
    expect(chunks.at(-1)!.changes).toEqual([bad]);
  });

  it.each([
    ['a line that is not an entry', [header, { seq: 2, change: 'x' }]],
    ['a line without a feed seq', [header, { change: entry(1) }]],
    ['a feed seq that goes back (a cursor must never move backwards)', [header, { seq: 3, change: entry(1) }, { seq: 3, change: entry(2) }]],
    ['a feed seq at or before where the snapshot starts', [header, { seq: 1, change: entry(1) }]],
    ['a refusal reason longer than the protocol allows', [header, { seq: 2, change: entry(1, { refused: 'x'.repeat(1001) }) }]],
    ['a line that is not JSON', [header, '{"seq": 2, "change": ']],
  ])('stops with SERVER_ERROR on %s', async (_, lines) => {
    await expect(read(lines)).rejects.toMatchObject({ code: 'SERVER_ERROR' });
  });
});
