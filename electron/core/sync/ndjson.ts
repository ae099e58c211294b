/**
 * Reads a streamed NDJSON body without holding the whole body: a first sync of 50,000 experts
 * is hundreds of megabytes of JSON. `idleMs` aborts a stream that stalls (a dead connection
 * never ends on its own).
 */

/** The lines that one read of the body completed: each parsed, with its text as it came. */
export interface LineBatch {
  values: unknown[];
  texts: string[];
}

/**
 * The body's lines, a batch per read of the body (blank lines skipped): one step of the
 * caller's loop per read rather than per line, and the texts kept, for a caller that passes
 * lines on without writing them again (the snapshot reader's thread). A line that is not JSON
 * throws SyntaxError.
 */
export async function* ndjsonBatches(body: ReadableStream<Uint8Array>, idle: { ms: number; abort: () => void }): AsyncGenerator<LineBatch> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(idle.abort, idle.ms);
  };
  const batchOf = (lines: string[]): LineBatch => {
    const batch: LineBatch = { values: [], texts: [] };
    for (const line of lines) {
      if (!line.trim()) continue;
      batch.values.push(JSON.parse(line) as unknown);
      batch.texts.push(line);
    }
    return batch;
  };
  try {
    for (;;) {
      // Only the wait for bytes counts as idle, not the time the reader spends applying lines.
      arm();
      const { value, done } = await reader.read();
      if (timer) clearTimeout(timer);
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      const batch = batchOf(lines);
      if (batch.values.length) yield batch;
    }
    const last = batchOf([buffered + decoder.decode()]);
    if (last.values.length) yield last;
  } finally {
    if (timer) clearTimeout(timer);
    reader.releaseLock();
  }
}

/** The body's lines one by one, parsed. */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>, idle: { ms: number; abort: () => void }): AsyncGenerator<unknown> {
  for await (const batch of ndjsonBatches(body, idle)) yield* batch.values;
}
