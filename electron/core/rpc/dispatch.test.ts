import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { createDispatch, type Handlers } from './dispatch';

/**
 * The boundary's promises, with handlers that misbehave on purpose: every outcome is a
 * Result, and an unexpected exception reaches the log, never the window.
 */

function dispatchWith(handlers: Partial<Handlers>, checkOutputs = false) {
  const logged: [string, unknown][] = [];
  const dispatch = createDispatch(handlers as Handlers, { checkOutputs, log: (message, error) => logged.push([message, error]) });
  return { dispatch, logged };
}

const secret = 'SQLITE_CORRUPT at /home/ana/.config/A-EXPECS Curator/curator.db';

describe('createDispatch', () => {
  it('turns an unexpected exception into INTERNAL without its text, and logs it once', async () => {
    const { dispatch, logged } = dispatchWith({
      'app.info': () => {
        throw new Error(secret);
      },
    });
    const result = await dispatch('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/nothing was saved.*Try again/) } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|curator\.db|home/);
    expect(logged).toHaveLength(1);
    expect(logged[0]![0]).toBe('app.info failed');
    expect((logged[0]![1] as Error).message).toBe(secret);
  });

  it('never shows a thrown non-Error value either', async () => {
    const { dispatch } = dispatchWith({
      'app.info': () => {
        throw secret;
      },
    });
    expect(JSON.stringify(await dispatch('app.info', {}))).not.toContain('SQLITE');
  });

  it("keeps an AppError's code and curator-facing message", async () => {
    const { dispatch, logged } = dispatchWith({
      'experts.get': () => {
        throw new AppError('NOT_FOUND', 'No expert has this id. It may have been archived on another computer.');
      },
    });
    expect(await dispatch('experts.get', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No expert has this id. It may have been archived on another computer.' },
    });
    expect(logged).toEqual([]);
  });

  it('answers a busy database with BUSY, not INTERNAL', async () => {
    const { dispatch } = dispatchWith({
      'app.info': () => {
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' });
      },
    });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'BUSY' } });
  });

  it('reports an output that breaks the contract as INTERNAL, without the schema details', async () => {
    const { dispatch, logged } = dispatchWith({ 'taxonomy.list': () => ({ terms: 'not a list' }) as never }, true);
    const result = await dispatch('taxonomy.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/contract|terms/);
    expect(String((logged[0]![1] as Error).message)).toMatch(/breaks the contract/);
  });

  it('refuses an unknown method and invalid input before any handler runs', async () => {
    let ran = false;
    const { dispatch } = dispatchWith({
      'experts.get': () => {
        ran = true;
        return null as never;
      },
    });
    expect(await dispatch('experts.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch('experts.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: ['id'] }] } });
    expect(ran).toBe(false);
  });
});
