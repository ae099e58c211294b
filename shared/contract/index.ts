export * from './result';
export * from './methods';
export * from './events';
export * from './vetting';

import type { Input, MethodName, Output } from './methods';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

/**
 * What the renderer sees of the app, whatever carries it (IPC in Electron, HTTP in a browser).
 * The preload's bridge and the web client both satisfy it.
 */
export interface CuratorBridge {
  invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
export * from './sync';
