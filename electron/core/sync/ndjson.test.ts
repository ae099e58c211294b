import { describe, expect, it } from 'vitest';
import { ndjsonBatches, readAhead } from './ndjson';

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A body of `count` chunks of `size` bytes, counting the pulls the reader made; `failAt` errors that pull instead. */
function body(count: number, size: number, o: { failAt?: number; stallAt?: number } = {}) {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const i = seen.pulls++;
        if (i === o.failAt) return controller.error(new Error('connection reset'));
        if (i === o.stallAt) return new Promise(() => {});
        if (i >= count) return controller.close();
        controller.enqueue(bytes(size, i % 256));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const never = { ms: 60_000, abort: () => {} };

describe('readAhead', () => {
  it('hands out every chunk in order while reading ahead of a slow consumer, up to its limit and no further', async () => {
    const { stream, seen } = body(100, 1000);
    const chunks = readAhead(stream, 10_000, never);
    const first = await chunks.next();
    expect(first.value).toEqual(bytes(1000, 0));
    // The consumer is busy: the body is read on up to the limit, not to its end.
    await tick();
    expect(seen.pulls).toBeGreaterThanOrEqual(10);
    expect(seen.pulls).toBeLessThanOrEqual(12);
    const rest: number[] = [];
    for await (const c of chunks) rest.push(c[0]!);
    expect(rest).toEqual(Array.from({ length: 99 }, (_, i) => i + 1));
  });

  it('reads again only once half of the limit has been taken (one restart per half, not per chunk)', async () => {
    const { stream, seen } = body(100, 1000);
    const chunks = readAhead(stream, 10_000, never);
    await chunks.next();
    await tick();
    const full = seen.pulls;
    for (let i = 0; i < 3; i++) await chunks.next();
    await tick();
    expect(seen.pulls).toBe(full); // still above half: no read
    for (let i = 0; i < 4; i++) await chunks.next();
    await tick();
    expect(seen.pulls).toBeGreaterThan(full);
    await chunks.return(undefined);
  });

  it('a failed read reaches the consumer after the chunks before it', async () => {
    const { stream } = body(100, 10, { failAt: 3 });
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const c of readAhead(stream, 1_000, never)) got.push(c[0]!);
      })(),
    ).rejects.toThrow('connection reset');
    expect(got).toEqual([0, 1, 2]);
  });

  it('a consumer that stops early cancels the body', async () => {
    const { stream, seen } = body(100, 10);
    for await (const c of readAhead(stream, 1_000, never)) if (c[0] === 1) break;
    expect(seen.cancelled).toBe(true);
  });

  it('counts only the wait for bytes as idle: a stalled body is aborted, a slow consumer is not', async () => {
    let aborted = 0;
    const stalled = body(2, 10, { stallAt: 2 });
    const idle = { ms: 30, abort: () => aborted++ };
    const chunks = readAhead(stalled.stream, 1_000, idle);
    await chunks.next();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(aborted).toBe(1);

    aborted = 0;
    const full = body(5, 600); // the limit is reached after two chunks: the reading waits for the consumer
    const slow = readAhead(full.stream, 1_000, idle);
    await slow.next();
    await new Promise((resolve) => setTimeout(resolve, 80));
    for await (const _ of slow) void _;
    expect(aborted).toBe(0);
  });
});

describe('ndjsonBatches', () => {
  it('parses lines split across chunks, with their texts as they came', async () => {
    const enc = new TextEncoder();
    const parts = ['{"a":1}\n{"b":', '2}\n\n{"c":"x y"}', '\n{"d":[1]}'];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of parts) controller.enqueue(enc.encode(p));
        controller.close();
      },
    });
    const values: unknown[] = [];
    const texts: string[] = [];
    for await (const b of ndjsonBatches(stream, never)) {
      values.push(...b.values);
      texts.push(...b.texts);
    }
    expect(values).toEqual([{ a: 1 }, { b: 2 }, { c: 'x y' }, { d: [1] }]);
    expect(texts).toEqual(['{"a":1}', '{"b":2}', '{"c":"x y"}', '{"d":[1]}']);
  });
});
