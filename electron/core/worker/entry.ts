import { parentPort, workerData } from 'node:worker_threads';
import { eventNames } from '../../../shared/contract/events';
import { fail } from '../../../shared/contract/result';
import { openCore, type Core } from '../app';
import type { SecretCipher } from '../sync/secrets';
import type { CoreWorkerData, HostMessage, OpenFailure, WorkerMessage } from './protocol';

/**
 * The core's own thread. Opens the core on the data folder it is given, answers each call
 * with the dispatch's Result, and relays every core event. Calls run concurrently: a long
 * task (demo data, later import and sync) yields between its transactions, and calls that
 * arrived meanwhile are answered then, while the transport's thread never waits at all.
 */

const port = parentPort;
if (!port) throw new Error('electron/core/worker/entry runs only as a worker thread (startCoreWorker).');
const post = (message: WorkerMessage) => port.postMessage(message);
const { options, cipher } = workerData as CoreWorkerData;

/** The host's cipher (safeStorage on Electron's main thread), reached by messages. */
const sealing = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
let nextSeal = 1;
const hostCipher: SecretCipher | null = cipher
  ? {
      kind: cipher,
      encrypt: (data) => askHost('encrypt', data),
      decrypt: (data) => askHost('decrypt', data),
    }
  : null;
function askHost(op: 'encrypt' | 'decrypt', data: string): Promise<string> {
  const id = nextSeal++;
  return new Promise((resolve, reject) => {
    sealing.set(id, { resolve, reject });
    post({ type: 'cipher', id, op, data });
  });
}

let core: Core;
try {
  core = openCore({ ...options, secretCipher: hostCipher });
} catch (error) {
  post({ type: 'open-failed', error: describeOpenError(error) });
  // Nothing is open; leave quietly and let the host report the failure.
  process.exit(0);
}

for (const event of eventNames) core.on(event, (payload) => post({ type: 'event', event, payload }));

let closing = false;
port.on('message', (message: HostMessage) => {
  if (message.type === 'close') return close();
  if (message.type === 'cipher') {
    const waiting = sealing.get(message.id);
    sealing.delete(message.id);
    if (message.ok) waiting?.resolve(message.value);
    else waiting?.reject(new Error(message.error));
    return;
  }
  if (message.type === 'photo') {
    // A thumbnail that cannot be made is simply not served (the route answers 404).
    void core.photoFile(message.hash, message.size).then(
      (file) => post({ type: 'photo', id: message.id, file: closing ? null : file }),
      () => post({ type: 'photo', id: message.id, file: null }),
    );
    return;
  }
  if (message.type === 'attachment') {
    void core.attachmentFile(message.hash).then(
      (file) => post({ type: 'attachment', id: message.id, file: closing ? null : file }),
      () => post({ type: 'attachment', id: message.id, file: null }),
    );
    return;
  }
  if (closing) {
    post({ type: 'result', id: message.id, result: fail('BUSY', 'The app is closing, so this was not done. Start the app again to continue.') });
    return;
  }
  void core.dispatch(message.method, message.input).then((result) => post({ type: 'result', id: message.id, result }));
});
post({ type: 'ready', nodeId: core.nodeId });

/**
 * Closes between two transactions (this thread is single-threaded, so no transaction is half
 * done here): a long task still running simply stops there, with every batch before it
 * committed. close() checkpoints the WAL, so the data folder is one consistent file.
 */
function close(): void {
  closing = true;
  let code = 0;
  try {
    core.close();
  } catch (error) {
    console.error('Closing the database failed', error);
    code = 1;
  }
  process.exit(code);
}

function describeOpenError(error: unknown): OpenFailure {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}
