/**
 * A Server-Sent Events reader built on fetch rather than EventSource: the same code runs in
 * the browser and in Node tests against a real server, and reconnection is under our control.
 */

export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Incremental parser for the `text/event-stream` format. Feed it decoded text in chunks of any
 * size; it returns the messages completed by that chunk. Comment lines (`: heartbeat`) are skipped.
 */
export function createSseParser(): (chunk: string) => SseMessage[] {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    const messages: SseMessage[] = [];
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      // A lone '\r' at the end may be the first half of '\r\n': wait for more text.
      if (buffer[newline] === '\r' && newline === buffer.length - 1) break;
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) messages.push({ event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return messages;
  };
}

export interface SseConnectionOptions {
  url: string;
  /** Sent with every (re)connection, e.g. the bearer token: it never goes in the URL. */
  headers?: Record<string, string>;
  fetch: typeof fetch;
  onMessage(message: SseMessage): void;
  /** Called after the stream is (re)established; `reconnected` is false the first time. */
  onOpen?(reconnected: boolean): void;
  /** Waits between reconnection attempts grow from the first to the last value. */
  retryDelaysMs?: number[];
}

/** Keeps one SSE stream open, reconnecting after drops, until the returned function is called. */
export function openSseConnection(options: SseConnectionOptions): () => void {
  const delays = options.retryDelaysMs ?? [500, 1000, 2000, 5000, 10000];
  const controller = new AbortController();
  let attempt = 0;
  let everOpened = false;

  const run = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const response = await options.fetch(options.url, {
          headers: { ...options.headers, Accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.ok && response.body) {
          options.onOpen?.(everOpened);
          everOpened = true;
          attempt = 0;
          const parse = createSseParser();
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const message of parse(value)) options.onMessage(message);
          }
        } else {
          await response.body?.cancel();
        }
      } catch {
        // Dropped or refused: fall through to the wait and try again, unless we were closed.
      }
      if (controller.signal.aborted) return;
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
      attempt += 1;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        controller.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  void run();
  return () => controller.abort();
}
