import type { Result } from '../../../../shared/contract/result';

/**
 * The kiosk's lock on the core. While the kiosk is on, the one dispatch every transport calls
 * answers only these methods, so whatever the window does (a reload, developer tools, a forged
 * request) it cannot read or change the directory or the applications. `taxonomy.list` is the
 * shipped expertise list the form offers, not directory data.
 */
export const kioskMethods: ReadonlySet<string> = new Set([
  'app.info',
  'taxonomy.list',
  'kiosk.status',
  'kiosk.start',
  'kiosk.submit',
  'kiosk.putAttachment',
  'kiosk.exit',
]);

export const KIOSK_LOCKED_MESSAGE = 'The workshop kiosk is on: this computer takes applications only. The curator who started it can leave the kiosk with the PIN.';

export type DispatchFn = (method: string, input: unknown) => Promise<Result<unknown>>;

export function lockedWhileKiosk(dispatch: DispatchFn, kioskActive: () => boolean): DispatchFn {
  return (method, input) => {
    if (kioskActive() && !kioskMethods.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_ALLOWED', message: KIOSK_LOCKED_MESSAGE, details: { kiosk: true } } });
    }
    return dispatch(method, input);
  };
}
