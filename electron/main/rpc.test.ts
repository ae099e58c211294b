import { describe, expect, it, vi } from 'vitest';
import { eventNames, ok, type Result } from '../../shared/contract';
import { forwardEvents, handleRpc, type Dispatch } from './rpc';
import { APP_ORIGIN } from './urls';

const calls: [string, unknown][] = [];
const dispatch: Dispatch = async (method, input) => {
  calls.push([method, input]);
  return ok({ echoed: method });
};
const app = { url: 'app://curator/index.html', isMainFrame: true };

describe('handleRpc', () => {
  it('forwards a call from the app window to dispatch and returns its Result', async () => {
    calls.length = 0;
    const result = await handleRpc(dispatch, APP_ORIGIN, app, 'experts.get', { id: 'x' });
    expect(result).toEqual({ ok: true, value: { echoed: 'experts.get' } });
    expect(calls).toEqual([['experts.get', { id: 'x' }]]);
  });

  it('refuses a frame of another origin, an iframe, and a destroyed frame without calling dispatch', async () => {
    calls.length = 0;
    const refused: Result<unknown>[] = [
      await handleRpc(dispatch, APP_ORIGIN, { url: 'https://evil.example/', isMainFrame: true }, 'app.info', {}),
      await handleRpc(dispatch, APP_ORIGIN, { url: 'app://curator/index.html', isMainFrame: false }, 'app.info', {}),
      await handleRpc(dispatch, APP_ORIGIN, { url: null, isMainFrame: true }, 'app.info', {}),
      await handleRpc(dispatch, APP_ORIGIN, null, 'app.info', {}),
    ];
    for (const result of refused) expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(calls).toEqual([]);
  });

  it('refuses a method that is not a string', async () => {
    expect(await handleRpc(dispatch, APP_ORIGIN, app, 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('turns a throwing dispatch into an INTERNAL failure', async () => {
    const throwing: Dispatch = async () => {
      throw new Error('disk on fire');
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await handleRpc(throwing, APP_ORIGIN, app, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/Try again/) } });
    // The exception's own text is logged, never shown.
    expect(JSON.stringify(result)).not.toContain('disk on fire');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe('forwardEvents', () => {
  it('relays every contract event by name and unsubscribes from all of them', () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    const sent: [string, unknown][] = [];
    const stop = forwardEvents(
      (event, listener) => {
        listeners.set(event, listener);
        return () => listeners.delete(event);
      },
      (name, payload) => sent.push([name, payload]),
    );
    expect([...listeners.keys()].sort()).toEqual([...eventNames].sort());

    listeners.get('changed')?.({ entities: ['expert'] });
    expect(sent).toEqual([['changed', { entities: ['expert'] }]]);

    stop();
    expect(listeners.size).toBe(0);
  });
});
