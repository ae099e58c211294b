import type { EventName } from '../../../shared/contract/events';
import type { Result } from '../../../shared/contract/result';
import type { AttachmentFile } from '../../../shared/attachmentFiles';
import type { PhotoFile } from '../../../shared/photos';
import type { CoreOptions } from '../app';

/**
 * The messages between the thread that owns a transport (Electron's main process, the
 * browser-mode server) and the worker thread that owns the core. Only `(method, input)`,
 * Results and events cross; every value is structured-cloned, never shared.
 */

/** What the worker is started with (its workerData). */
export interface CoreWorkerData {
  /** The core's options, less the cipher (a function cannot cross to another thread). */
  options: Omit<CoreOptions, 'secretCipher'>;
  /** The kind of the host's SecretCipher (e.g. 'safeStorage'), which the worker reaches by messages; null: none. */
  cipher: string | null;
  /** From source: the TypeScript entry that source-entry.mjs loads through tsx. */
  tsEntry?: string;
}

export type HostMessage =
  | { type: 'call'; id: number; method: string; input: unknown }
  /** A thumbnail for the photo route (Core.photoFile): bytes, not a Result, and no JSON. */
  | { type: 'photo'; id: number; hash: string; size: number }
  /** A stored document for the attachment route (Core.attachmentFile): bytes as well. */
  | { type: 'attachment'; id: number; hash: string }
  | { type: 'close' }
  /** The host's answer to a 'cipher' request. */
  | { type: 'cipher'; id: number; ok: true; value: string }
  | { type: 'cipher'; id: number; ok: false; error: string };

/** An error from openCore, as plain data: AppError's code survives, so DB_TOO_NEW stays DB_TOO_NEW. */
export interface OpenFailure {
  name: string;
  message: string;
  code?: string;
}

export type WorkerMessage =
  | { type: 'ready'; nodeId: string }
  | { type: 'open-failed'; error: OpenFailure }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'photo'; id: number; file: PhotoFile | null }
  | { type: 'attachment'; id: number; file: AttachmentFile | null }
  | { type: 'event'; event: EventName; payload: unknown }
  /** Seal or open a secret with the host's SecretCipher (Electron's safeStorage lives on the main thread). */
  | { type: 'cipher'; id: number; op: 'encrypt' | 'decrypt'; data: string };
