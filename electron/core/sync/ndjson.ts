/**
 * Reads a streamed NDJSON body line by line, without holding the whole body: a first sync of
 * 50,000 experts is hundreds of megabytes of JSON. `idleMs` aborts a stream that stalls
 * (a dead connection never ends on its own).
 */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>, idle: { ms: number; abort: () => void }): AsyncGenerator<unknown> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(idle.abort, idle.ms);
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
      for (const line of lines) if (line.trim()) yield JSON.parse(line) as unknown;
    }
    const last = buffered.trim();
    if (last) yield JSON.parse(last) as unknown;
  } finally {
    if (timer) clearTimeout(timer);
    reader.releaseLock();
  }
}
