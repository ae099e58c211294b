import { AppError } from '../../../shared/contract/result';
import type { SyncUser } from '../../../shared/sync/protocol';
import { networkError, responseError } from '../sync/http';
import { checkServerUrl } from '../sync/url-policy';
import { parsePairing } from './pairing';
import { PinMismatchError, pinnedTransport } from './pinned';
import { HUB_JOIN_PATH, hubJoinResponseSchema } from './protocol';

export interface JoinInput {
  /** The address shown on the hub (https://192.168.1.20:47800); optional when the QR text carries it. */
  address?: string | undefined;
  /** The pairing code as typed, or the QR text as scanned or pasted. */
  code: string;
  deviceName: string;
  node: string;
  /** The central user this laptop is signed in as. */
  userId: string | null;
}

export interface Joined {
  baseUrl: string;
  /** One-time code for this laptop: the sync client enrolls with the hub with it (sync.enroll). */
  code: string;
  user: SyncUser;
  /** The hub certificate's full SHA-256 fingerprint: the pin every later sync checks. */
  pin: string;
}

/**
 * Joins a workshop hub: reads the code, connects over TLS accepting only the pinned
 * certificate, and trades the pairing secret for a one-time enrollment code of this hub. Errors carry the codes the
 * join screen explains: INVALID_INPUT (a malformed code or address), CERT_MISMATCH (another
 * computer answered at that address), OFFLINE (nothing answered), ENROLLMENT_INVALID (a wrong
 * secret), NOT_ALLOWED (this laptop is not signed in with central, or the hub lacks its account).
 */
export async function joinHub(input: JoinInput): Promise<Joined> {
  const pairing = parsePairing(input.code);
  const typed = input.address?.trim() ?? '';
  const address = typed || pairing.url;
  if (!address) {
    throw new AppError('INVALID_INPUT', 'Enter the hub address shown on the host laptop, like https://192.168.1.20:47800, or paste the text of its QR code.', [
      { path: ['address'], message: 'Enter the hub address.' },
    ]);
  }
  const baseUrl = checkServerUrl(address);
  if (!baseUrl.startsWith('https://')) {
    throw new AppError('INSECURE_URL', 'A workshop hub is always reached with https://. Enter the address exactly as the host laptop shows it.', [{ path: ['address'], message: 'Use the https:// address.' }]);
  }
  if (!input.userId) {
    throw new AppError('NOT_ALLOWED', 'Sign in to the central server once (Settings → Sync) before joining a hub: the hub checks what you may change by your account.');
  }
  const transport = pinnedTransport(pairing.pin);
  try {
    let response: Response;
    try {
      response = await transport.fetch(`${baseUrl}${HUB_JOIN_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ secret: pairing.secret, node: input.node, deviceName: input.deviceName, userId: input.userId }),
        signal: AbortSignal.timeout(20_000),
        redirect: 'error',
      });
    } catch (error) {
      if ((error as { cause?: unknown }).cause instanceof PinMismatchError) {
        throw new AppError(
          'CERT_MISMATCH',
          `The computer at ${baseUrl} is not the hub this pairing code belongs to (its certificate differs), so nothing was sent to it. Check the address and the code on the host laptop; if both are right, someone on this network may be posing as the hub: tell the host.`,
        );
      }
      const failed = networkError(baseUrl, error);
      throw new AppError('OFFLINE', `The hub at ${baseUrl} cannot be reached. Check that this laptop is on the workshop network, that the address is the one the host shows, and that the hub is started. (${failed.message})`);
    }
    if (!response.ok) {
      const refused = await responseError(baseUrl, response);
      if (refused.serverCode === 'ENROLLMENT_INVALID') {
        throw new AppError('ENROLLMENT_INVALID', 'The hub did not accept this pairing code. Check it on the host laptop (it changes when the host makes a new one) and type it again.');
      }
      if (refused.serverCode === 'FORBIDDEN') throw new AppError('NOT_ALLOWED', refused.message);
      throw refused;
    }
    const parsed = hubJoinResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success || !transport.seenFingerprint) {
      throw new AppError('SERVER_ERROR', `The hub at ${baseUrl} answered in a form this app does not understand. Both laptops should run the same version of the app.`);
    }
    return { baseUrl, code: parsed.data.code, user: parsed.data.user, pin: transport.seenFingerprint };
  } finally {
    await transport.close();
  }
}
