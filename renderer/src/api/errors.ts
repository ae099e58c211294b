import { fail, type Result } from '../../../shared/contract';

const UNREACHABLE =
  "The app's core cannot be reached. Check that A-EXPECS Curator is still running, then try again.";

/** The one failure every transport reports when it cannot get an answer from the core. */
export function unreachable(detail?: string): Result<never> {
  return fail('INTERNAL', detail ? `${UNREACHABLE} (${detail})` : UNREACHABLE);
}
