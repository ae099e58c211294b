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
import { createHttpBridge } from './http';
import { setPhotoToken } from './photos';
import { takeToken } from './token';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    curator?: CuratorBridge;
  }
}

/** What every screen uses to talk to the core. Nothing else in the renderer knows the transport. */
export interface Api {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Wraps a bridge so a call always resolves to a Result, even if the transport throws. */
export function createApi(bridge: CuratorBridge): Api {
  return {
    async call(method, input) {
      try {
        const result = await bridge.invoke(method, input);
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

/** Electron's preload bridge when there is one, else the browser-mode HTTP transport. */
export function chooseBridge(win: Window = window): CuratorBridge {
  if (win.curator) return win.curator;
  const token = takeToken(win) ?? '';
  setPhotoToken(token);
  return createHttpBridge({ baseUrl: win.location.origin, token });
}
