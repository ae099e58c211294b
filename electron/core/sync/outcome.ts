import { AppError } from '../../../shared/contract/result';
import { SyncError } from './http';
import type { RunOutcome } from './scheduler';

/**
 * What a failed sync run means for the curator and for the schedule: offline → retry with
 * backoff; a server hiccup → retry, shown as a problem; a refusal (revoked token, unknown
 * device, a certificate that does not check out) → stop until the curator acts, kept across
 * restarts; anything unexpected → logged once, shown with a stable code, retried.
 */
export interface Failure {
  phase: 'offline' | 'error';
  problem: { code: string; message: string };
  outcome: RunOutcome;
  /** Keep the problem on the remote (sync_remote.blocked) until the curator signs in again or syncs now. */
  block: boolean;
  /** Worth a line in the log: not one of sync's known failures. */
  unexpected: boolean;
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof SyncError) {
    const problem = { code: error.code, message: error.message };
    if (!error.retryable) return { phase: 'error', problem, outcome: 'blocked', block: true, unexpected: false };
    return { phase: error.code === 'OFFLINE' ? 'offline' : 'error', problem, outcome: 'retry', block: false, unexpected: false };
  }
  const problem =
    error instanceof AppError
      ? { code: error.code, message: error.message }
      : { code: 'INTERNAL', message: 'Sync stopped on an unexpected error. Your changes are kept; the app tries again. If this persists, tell the secretariat.' };
  return { phase: 'error', problem, outcome: 'retry', block: false, unexpected: true };
}
