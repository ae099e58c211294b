import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import { AppError, errorCodes, fail, type ErrorCode, type Result } from '../../../shared/contract/result';
import type { AttachmentFile } from '../../../shared/attachmentFiles';
import type { PhotoFile } from '../../../shared/photos';
import type { Core, CoreOptions } from '../app';
import { CoreEvents } from '../events';
import type { CoreWorkerData, HostMessage, OpenFailure, WorkerMessage } from './protocol';

/**
 * The core as a transport sees it when the core runs on its own thread: the same dispatch,
 * events and Results as `openCore`, but a long call (demo data, import, export, sync) never
 * holds the thread that serves the window's IPC or the browser's HTTP requests.
 */
export interface CoreHandle extends Omit<Core, 'close'> {
  /** The worker thread's id, so a caller (and a test) can see the core is not on its thread. */
  readonly threadId: number;
  /** Closes the database (WAL checkpoint) on the core's thread and waits for the thread to end. */
  close(): Promise<void>;
}

export interface CoreWorkerOptions extends CoreOptions {
  /**
   * The worker's entry file. Built Electron passes out/main/core-worker.js; by default it is
   * the TypeScript entry next to this file, loaded through tsx (browser mode, tests).
   */
  entry?: string;
}

const here = () => dirname(fileURLToPath(import.meta.url));

/**
 * Starts the core in a worker thread and resolves once its database is open. Rejects with the
 * same error openCore throws (an AppError such as DB_TOO_NEW keeps its class and code; any
 * other keeps its message and code), after the thread has ended.
 */
export function startCoreWorker(options: CoreWorkerOptions): Promise<CoreHandle> {
  const { entry, secretCipher, ...coreOptions } = options;
  const data: CoreWorkerData = { options: coreOptions, cipher: secretCipher?.kind ?? null };
  let file = entry;
  if (!file) {
    file = join(here(), 'source-entry.mjs');
    data.tsEntry = join(here(), 'entry.ts');
  }
  const worker = new Worker(file, { workerData: data });
  const events = new CoreEvents();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const photos = new Map<number, (file: PhotoFile | null) => void>();
  const documents = new Map<number, (file: AttachmentFile | null) => void>();
  let nextId = 1;
  let ended = false;
  let stopReason = 'The app closed before it could answer. Start it again; work saved before is kept.';
  const exited = new Promise<number>((done) => worker.once('exit', done));

  const settleAll = (message: string) => {
    for (const resolve of pending.values()) resolve(fail('INTERNAL', message));
    pending.clear();
    for (const resolve of photos.values()) resolve(null);
    photos.clear();
    for (const resolve of documents.values()) resolve(null);
    documents.clear();
  };

  return new Promise<CoreHandle>((resolveOpen, rejectOpen) => {
    let opened = false;

    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          opened = true;
          resolveOpen(handle(message.nodeId));
          return;
        case 'open-failed':
          // The worker exits on its own; report once it has, so no thread outlives the failure.
          void exited.then(() => rejectOpen(openError(message.error)));
          return;
        case 'result': {
          const resolve = pending.get(message.id);
          pending.delete(message.id);
          resolve?.(message.result);
          return;
        }
        case 'photo': {
          const resolve = photos.get(message.id);
          photos.delete(message.id);
          resolve?.(message.file);
          return;
        }
        case 'attachment': {
          const resolve = documents.get(message.id);
          documents.delete(message.id);
          resolve?.(message.file);
          return;
        }
        case 'event':
          events.emit(message.event, message.payload as EventPayload<typeof message.event>);
          return;
        case 'cipher': {
          const { id, op, data: text } = message;
          const answer = (reply: HostMessage) => {
            if (!ended) worker.postMessage(reply);
          };
          if (!secretCipher) return answer({ type: 'cipher', id, ok: false, error: 'No cipher on this host.' });
          secretCipher[op](text).then(
            (value) => answer({ type: 'cipher', id, ok: true, value }),
            (error: unknown) => answer({ type: 'cipher', id, ok: false, error: error instanceof Error ? error.message : String(error) }),
          );
          return;
        }
      }
    });
    worker.on('error', (error) => {
      // An exception nothing inside the core caught: the thread is gone. Log the details here;
      // the window gets a message it can act on, never the raw exception.
      console.error('The core worker stopped', error);
      stopReason = 'The app stopped working in the background; nothing more was saved. Restart the app; work saved before is kept.';
      if (!opened) rejectOpen(error);
    });
    worker.on('exit', (code) => {
      ended = true;
      settleAll(stopReason);
      if (!opened && code !== 0) rejectOpen(new Error(`The app's core stopped while opening its data (exit code ${code}).`));
    });

    function handle(nodeId: string): CoreHandle {
      return {
        nodeId,
        threadId: worker.threadId,
        dispatch(method: string, input: unknown): Promise<Result<unknown>> {
          if (ended) return Promise.resolve(fail('INTERNAL', stopReason));
          const id = nextId++;
          const message: HostMessage = { type: 'call', id, method, input };
          return new Promise((resolve) => {
            try {
              worker.postMessage(message);
            } catch {
              // Only plain data crosses (JSON from HTTP, structured clones from IPC); anything else is not an input.
              resolve(fail('INVALID_INPUT', 'The request held something that is not plain data, so it was not sent. Update the app if this keeps happening.'));
              return;
            }
            pending.set(id, resolve);
          });
        },
        photoFile(hash: string, size: number): Promise<PhotoFile | null> {
          if (ended) return Promise.resolve(null);
          const id = nextId++;
          return new Promise((resolve) => {
            photos.set(id, resolve);
            worker.postMessage({ type: 'photo', id, hash, size } satisfies HostMessage);
          });
        },
        attachmentFile(hash: string): Promise<AttachmentFile | null> {
          if (ended) return Promise.resolve(null);
          const id = nextId++;
          return new Promise((resolve) => {
            documents.set(id, resolve);
            worker.postMessage({ type: 'attachment', id, hash } satisfies HostMessage);
          });
        },
        on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
          return events.on(event, listener);
        },
        async close() {
          if (!ended) worker.postMessage({ type: 'close' } satisfies HostMessage);
          const code = await exited;
          if (code !== 0) throw new Error(`The database may not have been closed cleanly (the core's thread ended with code ${code}).`);
        },
      };
    }
  });
}

function openError(failure: OpenFailure): Error {
  if (failure.name === 'AppError' && (errorCodes as readonly string[]).includes(failure.code ?? '')) {
    return new AppError(failure.code as ErrorCode, failure.message);
  }
  const error = new Error(failure.message) as Error & { code?: string };
  error.name = failure.name;
  if (failure.code) error.code = failure.code;
  return error;
}
