import { eventNames, fail, type EventName, type Result } from '../../shared/contract';
import { isTrustedSender } from './urls';

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/** What main knows about the frame an IPC message came from (event.senderFrame). */
export interface SenderFrame {
  url: string | null | undefined;
  /** Only the window's top frame may call; an iframe never can, whatever its URL. */
  isMainFrame: boolean;
}

/**
 * The body of the one `ipcMain.handle('rpc', ...)`: refuse a sender that is not the app's own
 * top frame, then hand the call to the core, which validates the input against the contract.
 * Always resolves to a Result: an exception thrown across IPC would lose its code.
 */
export async function handleRpc(
  dispatch: Dispatch,
  appOrigin: string,
  sender: SenderFrame | null,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!sender || !sender.isMainFrame || !isTrustedSender(sender.url, appOrigin)) {
    return fail('UNAUTHORIZED', 'The request did not come from the A-EXPECS Curator window, so it was refused.');
  }
  if (typeof method !== 'string') {
    return fail('UNKNOWN_METHOD', 'The request named no method. Update the app if this keeps happening.');
  }
  try {
    return await dispatch(method, input);
  } catch (error) {
    // dispatch promises never to throw; if it does, the curator still gets a Result. The
    // exception's text (paths, SQL) goes to the log, never to the window.
    console.error(`${method.slice(0, 80)} failed in the shell`, error);
    return fail('INTERNAL', 'Something went wrong inside the app; nothing was saved. Try again, and if it happens again, restart the app.');
  }
}

export type Subscribe = <E extends EventName>(event: E, listener: (payload: unknown) => void) => () => void;

/** Relays every core event to the window as ('event', name, payload). Returns the unsubscribe for all of them. */
export function forwardEvents(subscribe: Subscribe, send: (name: EventName, payload: unknown) => void): () => void {
  const unsubscribes = eventNames.map((name) => subscribe(name, (payload) => send(name, payload)));
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
