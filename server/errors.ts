import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/contract/result';
import type { SyncErrorBody, SyncErrorCode } from '../shared/sync/protocol';

/**
 * Every refusal of the sync API is a SyncError: a stable code from protocol.ts, a sentence a
 * person can act on, and details a client can use (the seq a gap expected). The app's error
 * handler turns it, and everything else that can go wrong, into `{ error: { code, message,
 * details? } }` with the HTTP status below, so no client ever has to read an HTML page or a
 * framework's own error shape.
 */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export const httpStatusOf: Record<SyncErrorCode, number> = {
  UNAUTHENTICATED: 401,
  TOKEN_REVOKED: 401,
  ENROLLMENT_INVALID: 403,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  BATCH_TOO_LONG: 413,
  PAYLOAD_TOO_LARGE: 413,
  SEQ_GAP: 409,
  ORIGIN_FORKED: 409,
  EPOCH_CHANGED: 409,
  BLOB_HASH_MISMATCH: 422,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL: 500,
};

export function errorBody(error: SyncError): SyncErrorBody {
  return { error: error.details ? { code: error.code, message: error.message, details: error.details } : { code: error.code, message: error.message } };
}

/**
 * Maps what a handler or Fastify threw to a SyncError. Fastify's own errors (body too large,
 * malformed JSON, unknown media type, a decompression failure) keep their status class; an
 * AppError from the funnel keeps its meaning; anything else is INTERNAL and logged once.
 */
export function toSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  if (error instanceof AppError) {
    const code = error.code as string;
    // The funnel's details ({ origin, expected } / { origin, seq }) are what a client acts on.
    if (code === 'SEQ_GAP' || code === 'ORIGIN_FORKED') return new SyncError(code, error.message, error.details);
    if (code === 'INVALID_INPUT') return new SyncError('INVALID_INPUT', error.message);
    return new SyncError('INTERNAL', 'The server could not complete the request. Try again later; if it keeps failing, tell the secretariat.');
  }
  const fe = error as Partial<FastifyError> & { statusCode?: number };
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new SyncError('PAYLOAD_TOO_LARGE', 'The request is larger than the server accepts. Send fewer changes per request.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_CP_ERR_INVALID_CONTENT_ENCODING':
      return new SyncError('UNSUPPORTED_MEDIA_TYPE', `The server does not accept this kind of body (${fe.message}). Send JSON, gzip-compressed or plain.`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_CP_ERR_INVALID_CONTENT':
      return new SyncError('INVALID_INPUT', `The request body could not be read: ${fe.message}`);
    case 'FST_ERR_NOT_FOUND':
      return new SyncError('NOT_FOUND', 'There is no such address on this server.');
  }
  if (fe.statusCode === 429) return new SyncError('RATE_LIMITED', 'Too many requests from this address. Wait a minute and try again.');
  if (fe.statusCode === 413) return new SyncError('PAYLOAD_TOO_LARGE', 'The request is larger than the server accepts. Send fewer changes per request.');
  if (fe.statusCode === 415) return new SyncError('UNSUPPORTED_MEDIA_TYPE', fe.message ?? 'Unsupported media type.');
  if (error instanceof SyntaxError || (fe.statusCode !== undefined && fe.statusCode >= 400 && fe.statusCode < 500)) {
    return new SyncError('INVALID_INPUT', `The request could not be read: ${fe.message ?? 'malformed'}`);
  }
  return new SyncError('INTERNAL', 'The server could not complete the request. Try again later; if it keeps failing, tell the secretariat.');
}

/** Fastify's error handler: one typed body for every failure; unexpected ones are logged with their stack. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const sync = toSyncError(error);
  if (sync.code === 'INTERNAL') request.log.error({ err: error }, 'sync request failed');
  else request.log.info({ code: sync.code }, sync.message);
  return reply.status(httpStatusOf[sync.code]).type('application/json; charset=utf-8').send(errorBody(sync));
}
