/**
 * Results cross every process boundary as values, never as thrown errors.
 * Error codes are stable: the renderer translates them, tests assert on them,
 * and later sync clients will match on them. Add codes; never rename one.
 */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_TERM',
  'ATTACHMENT_INVALID',
  'ATTACHMENT_TOO_LARGE',
  'DB_TOO_NEW',
  'NOT_EMPTY',
  'SEQ_GAP',
  'BUSY',
  'LIMIT_REACHED',
  'INTERNAL',
  'NOT_ALLOWED',
  // Sync (electron/core/sync): the server could not be reached, refused the address, the code
  // or the token, or answered with an error.
  'OFFLINE',
  'INSECURE_URL',
  'ENROLLMENT_INVALID',
  'UNAUTHENTICATED',
  'TOKEN_REVOKED',
  'SERVER_ERROR',
  // A clock stamp far from this computer's clock; never fatal, shown so the clock gets fixed.
  'CLOCK_SKEW',
  // A node holds another change under this (origin, seq) (a copied data folder); details { origin, seq }.
  'ORIGIN_FORKED',
  // Workshop hub (electron/core/hub): the computer at the hub's address showed another certificate
  // than the one the pairing code pins, so nothing was sent to it.
  'CERT_MISMATCH',
  // Attachments (electron/core/services/attachments): the bytes are not the kind the file claims
  // or not one the app accepts; a PDF locked with a password or encryption.
  'ATTACHMENT_TYPE',
  'ATTACHMENT_ENCRYPTED',
  // Bulk import (electron/core/services/import): the file is not a readable CSV or XLSX sheet,
  // or exceeds a limit (bytes, unpacked size, rows, characters in a cell); nothing is read from it.
  'IMPORT_UNREADABLE',
  'IMPORT_TOO_LARGE',
  'IMPORT_TOO_MANY_ROWS',
  'IMPORT_CELL_TOO_LONG',
  // A record written once (a vetting event) was written again with other content; nothing changed.
  'IMMUTABLE',
  // Vetting (electron/core/services/vetting): the state machine refused the step (details { step:
  // a shared/model/vetting/rules.ts stepRefusalCode }); an assignment hit a conflict of interest
  // and no override reason was given (details { conflicts: [{ code, detail }] }).
  'STEP_REFUSED',
  'INTEREST_CONFLICT',
  // Decision letters (electron/core/services/letters): an application asked for has no decision
  // to write about (still in screening or review, or in conflict), or none has; nothing exported.
  'NO_DECISION',
  // Workshop kiosk (electron/core/services/kiosk): the PIN to leave it was wrong (details
  // { triesLeft }); too many wrong PINs, so none is checked for a while (details { retryAt }).
  'KIOSK_PIN_WRONG',
  'KIOSK_PIN_LOCKED',
  // Case studies and stories (issue 8): an export asked for a story without a recorded consent
  // (covering the use), or a quote whose interview has no consent to be quoted (details { story?,
  // quotes?: [{ id, speaker }] }); an import names a characteristic or rating that does not exist
  // (details { name }). Nothing is exported or written.
  'NO_CONSENT',
  'UNKNOWN_CHARACTERISTIC',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field of the input; `path` is the field's path, e.g. ['email']. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  /** English text a curator can act on; the renderer may show a translation keyed by `code`. */
  message: string;
  issues?: FieldIssue[];
  /** Machine-readable facts for the caller (e.g. { origin, seq } of ORIGIN_FORKED). */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/**
 * Thrown inside the core when a rule refuses an operation; dispatch turns it into a
 * failed Result. It never crosses a process boundary as an exception.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    const shape: AppErrorShape = { code: this.code, message: this.message };
    if (this.issues) shape.issues = this.issues;
    if (this.details) shape.details = this.details;
    return shape;
  }
}
