import { createParser } from 'eventsource-parser';

/**
 * A Server-Sent Events reader built on fetch rather than EventSource: fetch can send the
 * token in a header (EventSource cannot), the same code runs in the browser and in Node tests
 * against a real server, and reconnection is under our control. Framing (split chunks, CRLF,
 * multi-line data, comments, a BOM) is left to `eventsource-parser`.
 */

export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Incremental parser for `text/event-stream`: feed it decoded text in chunks of any size; it
 * returns the messages completed by that chunk. An event without a name is a `message`, as in
 * EventSource.
 */
export function createSseParser(): (chunk: string) => SseMessage[] {
  let completed: SseMessage[] = [];
  const parser = createParser({
    onEvent: ({ event, data }) => completed.push({ event: event || 'message', data }),
  });
  return (chunk) => {
    parser.feed(chunk);
    const out = completed;
    completed = [];
    return out;
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
          // A fresh parser per connection: half an event from a dropped stream is discarded.
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
