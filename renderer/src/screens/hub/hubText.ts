import type { AppErrorShape } from '../../../../shared/contract';
import type { MessageKey, Translate } from '../../i18n';

/** The hub errors a curator can act on, each with its own sentence in EN and ID. */
const hubErrorKeys: Record<string, MessageKey> = {
  ENROLLMENT_INVALID: 'hub.error.ENROLLMENT_INVALID',
  CERT_MISMATCH: 'hub.error.CERT_MISMATCH',
  OFFLINE: 'hub.error.OFFLINE',
  NOT_ALLOWED: 'hub.error.NOT_ALLOWED',
  BUSY: 'hub.error.BUSY',
  INVALID_INPUT: 'hub.error.INVALID_INPUT',
  INSECURE_URL: 'hub.error.INVALID_INPUT',
};

/** A hub error in the curator's language; any other falls back to the app's usual description. */
export function hubErrorText(error: AppErrorShape, t: Translate, describe: (e: AppErrorShape) => string): string {
  const key = hubErrorKeys[error.code];
  return key ? t(key) : describe(error);
}

/** The pairing code as groups for a large, readable display: 'K7QM-2XRD-…' → ['K7QM', '2XRD', …]. */
export function codeGroups(code: string): string[] {
  return code.split('-').filter(Boolean);
}
