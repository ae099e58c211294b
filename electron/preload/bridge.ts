import {
  fail,
  isEventName,
  isMethodName,
  type CuratorBridge,
  type EventName,
  type EventPayload,
  type Input,
  type MethodName,
  type Output,
  type Result,
} from '../../shared/contract';

/** The part of Electron's ipcRenderer the bridge uses; tests pass a plain object. */
export interface IpcRendererLike {
  invoke(channel: 'rpc', method: string, input: unknown): Promise<unknown>;
  on(channel: 'event', listener: (event: unknown, name: unknown, payload: unknown) => void): unknown;
  removeListener(channel: 'event', listener: (event: unknown, name: unknown, payload: unknown) => void): unknown;
}

type Listener = (payload: unknown) => void;

/**
 * What the renderer gets as `window.curator`: two functions, nothing else. The renderer
 * never sees ipcRenderer or an IPC event object, only Results and event payloads.
 * A method or event name outside the contract is refused here, before any IPC happens.
 */
export function createBridge(ipc: IpcRendererLike) {
  const listeners = new Map<EventName, Set<Listener>>();

  // One IPC listener for all subscriptions, attached while anyone listens.
  const onEvent = (_event: unknown, name: unknown, payload: unknown) => {
    if (!isEventName(name)) return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing listener must not keep the event from the others.
        console.error(`[curator] a listener for "${name}" failed`, error);
      }
    }
  };
  const subscriptionCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  return {
    invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
      if (!isMethodName(method)) {
        return Promise.resolve(fail('UNKNOWN_METHOD', `The app has no method "${String(method)}".`));
      }
      return ipc.invoke('rpc', method, input).then(
        (result) => result as Result<Output<M>>,
        // Only a broken transport gets here (e.g. input that cannot be copied across IPC).
        (error: unknown) => fail('INTERNAL', `The request could not reach the app: ${error instanceof Error ? error.message : String(error)}`),
      );
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventName(event)) throw new TypeError(`The app has no event "${String(event)}".`);
      if (typeof listener !== 'function') throw new TypeError('on(event, listener) needs a function as listener.');
      if (subscriptionCount() === 0) ipc.on('event', onEvent);
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      const entry = listener as Listener;
      set.add(entry);

      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(entry);
        if (subscriptionCount() === 0) ipc.removeListener('event', onEvent);
      };
    },
  } satisfies CuratorBridge;
}
