import { describe, expect, it } from 'vitest';
import { eventNames, ok, type MethodName } from '../../shared/contract';
import { createBridge, type IpcRendererLike } from './bridge';

type EventListener = (event: unknown, name: unknown, payload: unknown) => void;

/** A stand-in for ipcRenderer that records calls and can emit 'event' messages like main does. */
function fakeIpc(answer: (method: string, input: unknown) => Promise<unknown> = async (method) => ok({ method })) {
  const invoked: [string, string, unknown][] = [];
  const listeners = new Set<EventListener>();
  const ipc: IpcRendererLike = {
    invoke: (channel, method, input) => {
      invoked.push([channel, method, input]);
      return answer(method, input);
    },
    on: (_channel, listener) => listeners.add(listener),
    removeListener: (_channel, listener) => listeners.delete(listener),
  };
  const emit = (name: unknown, payload: unknown) => {
    for (const listener of [...listeners]) listener({ sender: 'ipc-event-object' }, name, payload);
  };
  return { ipc, invoked, listeners, emit };
}

describe('createBridge().invoke', () => {
  it('sends a contract method over the rpc channel and returns the Result', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    const result = await bridge.invoke('experts.get', { id: '0190a1b2-0000-7000-8000-000000000000' });
    expect(result).toEqual({ ok: true, value: { method: 'experts.get' } });
    expect(invoked).toEqual([['rpc', 'experts.get', { id: '0190a1b2-0000-7000-8000-000000000000' }]]);
  });

  it('refuses a name outside the contract with a failed Result and makes no call', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc);
    for (const name of ['experts.drop', '', 'constructor', '__proto__', 'toString', 42, null]) {
      const result = await bridge.invoke(name as MethodName, {} as never);
      expect(result, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(invoked).toEqual([]);
  });

  it('turns a broken transport into an INTERNAL failure instead of a rejection', async () => {
    const { ipc } = fakeIpc(async () => {
      throw new Error('An object could not be cloned.');
    });
    const result = await createBridge(ipc).invoke('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!result.ok && result.error.message).toContain('could not be cloned');
  });
});

describe('createBridge().on', () => {
  it('delivers the payload of the named event only, without the IPC event object', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const changed: unknown[] = [];
    const progress: unknown[] = [];
    bridge.on('changed', (payload) => changed.push(payload));
    bridge.on('progress', (payload) => progress.push(payload));

    emit('changed', { entities: ['expert'] });
    emit('progress', { task: 'demo', done: 1, total: 2, finished: false });
    emit('not-an-event', { x: 1 });

    expect(changed).toEqual([{ entities: ['expert'] }]);
    expect(progress).toEqual([{ task: 'demo', done: 1, total: 2, finished: false }]);
  });

  it('attaches one IPC listener while anyone listens and removes it after the last unsubscribe', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createBridge(ipc);
    const seen: string[] = [];
    const offA = bridge.on('changed', () => seen.push('a'));
    const offB = bridge.on('changed', () => seen.push('b'));
    expect(listeners.size).toBe(1);

    offA();
    offA(); // a second call is harmless
    emit('changed', { entities: [] });
    expect(seen).toEqual(['b']);

    offB();
    expect(listeners.size).toBe(0);
    emit('changed', { entities: [] });
    expect(seen).toEqual(['b']);
  });

  it('keeps delivering to the other listeners when one throws', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const seen: string[] = [];
    const originalError = console.error;
    console.error = () => {};
    try {
      bridge.on('changed', () => {
        throw new Error('boom');
      });
      bridge.on('changed', () => seen.push('second'));
      emit('changed', { entities: [] });
    } finally {
      console.error = originalError;
    }
    expect(seen).toEqual(['second']);
  });

  it('refuses an event outside the contract and a listener that is not a function', () => {
    const { ipc, listeners } = fakeIpc();
    const bridge = createBridge(ipc);
    expect(() => bridge.on('secrets' as never, () => {})).toThrow(TypeError);
    expect(() => bridge.on('changed', 'nope' as never)).toThrow(TypeError);
    expect(listeners.size).toBe(0);
    expect(eventNames.length).toBeGreaterThan(0);
  });
});

describe('the exposed object', () => {
  it('has exactly invoke and on', () => {
    expect(Object.keys(createBridge(fakeIpc().ipc)).sort()).toEqual(['invoke', 'on']);
  });
});
