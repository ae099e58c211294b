import {
  isEventName,
  type CuratorBridge,
  type EventName,
  type EventPayload,
  type Input,
  type MethodName,
  type Output,
  type Result,
} from '../../../shared/contract';
import { openSseConnection } from './sse';
import { unreachable } from './errors';

/** A bridge whose calls can be abandoned: an aborted HTTP request stops being waited for. */
export interface AbortableBridge extends CuratorBridge {
  readonly abortable: true;
  invoke<M extends MethodName>(method: M, input: Input<M>, signal?: AbortSignal): Promise<Result<Output<M>>>;
}

export interface HttpBridgeOptions {
  /** Origin of the browser-mode server, e.g. `http://127.0.0.1:5175`. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  retryDelaysMs?: number[];
}

type AnyListener = (payload: unknown) => void;

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  'ok' in value &&
  (((value as { ok: unknown }).ok === true && 'value' in value) ||
    ((value as { ok: unknown }).ok === false && typeof (value as { error?: { code?: unknown } }).error?.code === 'string'));

/**
 * The browser-mode transport: `POST /rpc/<method>` with the bearer token for calls, one SSE
 * stream on `/events` for every event listener. The stream opens with the first listener and
 * closes with the last.
 */
export function createHttpBridge(options: HttpBridgeOptions): AbortableBridge {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const listeners = new Map<EventName, Set<AnyListener>>();
  let closeStream: (() => void) | null = null;

  const emit = (event: EventName, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };

  const ensureStream = () => {
    if (closeStream) return;
    closeStream = openSseConnection({
      url: `${base}/events`,
      headers: { Authorization: `Bearer ${options.token}` },
      fetch: doFetch,
      retryDelaysMs: options.retryDelaysMs,
      onMessage: ({ event, data }) => {
        if (!isEventName(event)) return;
        let payload: unknown;
        try {
          payload = JSON.parse(data);
        } catch {
          return;
        }
        emit(event, payload);
      },
      // Events sent while the stream was down are lost; tell the screens to reload what they show.
      onOpen: (reconnected) => {
        if (reconnected) emit('changed', { entities: ['*'] });
      },
    });
  };

  return {
    abortable: true,
    async invoke<M extends MethodName>(method: M, input: Input<M>, signal?: AbortSignal): Promise<Result<Output<M>>> {
      let response: Response;
      try {
        response = await doFetch(`${base}/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
          body: JSON.stringify(input ?? {}),
          signal,
        });
      } catch {
        return unreachable();
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return unreachable(`The app's core answered with HTTP ${response.status} and no readable result.`);
      }
      return isResult(body) ? (body as Result<Output<M>>) : unreachable(`The app's core answered with HTTP ${response.status} and no readable result.`);
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped: AnyListener = (payload) => listener(payload as EventPayload<E>);
      set.add(wrapped);
      ensureStream();
      return () => {
        set.delete(wrapped);
        const remaining = [...listeners.values()].reduce((n, s) => n + s.size, 0);
        if (remaining === 0 && closeStream) {
          closeStream();
          closeStream = null;
        }
      };
    },
  };
}
