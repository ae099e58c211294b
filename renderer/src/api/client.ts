import type {
  CuratorBridge,
  EventName,
  EventPayload,
  Input,
  MethodName,
  Output,
  Result,
} from '../../../shared/contract';
import { unreachable } from './errors';
import { createHttpBridge, type AbortableBridge } from './http';
import { setAttachmentToken } from './attachments';
import { setPhotoToken } from './photos';
import { takeToken } from './token';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    curator?: CuratorBridge;
  }
}

/** What every screen uses to talk to the core. Nothing else in the renderer knows the transport. */
export interface CallOptions {
  /**
   * Abandons the call: over HTTP the request is aborted; over IPC the answer still comes and
   * is dropped by whoever gave up on it (queries are keyed by their input, so a late answer
   * can never be shown for a newer one).
   */
  signal?: AbortSignal;
}

export interface Api {
  call<M extends MethodName>(method: M, input: Input<M>, options?: CallOptions): Promise<Result<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wraps a bridge so a call always resolves to a Result, even if the transport throws. */
export function createApi(bridge: CuratorBridge): Api {
  return {
    async call(method, input, options) {
      try {
        // Only a bridge that says it can abort gets the signal: the preload's contextBridge
        // copies arguments, and an AbortSignal is not something it can copy.
        const result = isAbortable(bridge) ? await bridge.invoke(method, input, options?.signal) : await bridge.invoke(method, input);
        return result ?? unreachable();
      } catch {
        return unreachable();
      }
    },
    on(event, listener) {
      return bridge.on(event, listener);
    },
  };
}

const isAbortable = (bridge: CuratorBridge): bridge is AbortableBridge => (bridge as Partial<AbortableBridge>).abortable === true;

/** Electron's preload bridge when there is one, else the browser-mode HTTP transport. */
export function chooseBridge(win: Window = window): CuratorBridge {
  if (win.curator) return win.curator;
  const token = takeToken(win) ?? '';
  setPhotoToken(token);
  void setAttachmentToken(token);
  return createHttpBridge({ baseUrl: win.location.origin, token });
}
