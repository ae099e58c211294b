import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppErrorShape, Result } from '../../../../shared/contract';
import { SectionDraft, draftFor, releaseDraft, type SaveSection } from './sectionDraft';

/**
 * The draft's timing and failure rules, over a save function that records what it was
 * given and answers as told (the screens' tests drive the same drafts over the real core).
 */

interface Sent {
  text: string;
  parents: string[];
  answer(result: Result<{ rev: string | null }>): void;
}

function recorder() {
  const sent: Sent[] = [];
  const save: SaveSection = (text, parents) => new Promise((resolve) => sent.push({ text, parents, answer: resolve }));
  return { sent, save };
}

const ok = (rev: string | null): Result<{ rev: string | null }> => ({ ok: true, value: { rev } });
const refused = (error: AppErrorShape): Result<{ rev: string | null }> => ({ ok: false, error });
const tooLong: AppErrorShape = { code: 'INVALID_INPUT', message: 'Use at most 20000 characters.' };
const away: AppErrorShape = { code: 'INTERNAL', message: "The app's core cannot be reached. Check that A-EXPECS Curator is still running, then try again." };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SectionDraft', () => {
  it('saves once typing pauses, after the revision it was edited from', async () => {
    const { sent, save } = recorder();
    const draft = new SectionDraft(save, { text: 'Old', rev: 'r1' }, 800);
    draft.edit('Old a');
    draft.edit('Old ab');
    expect(draft.current.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(799);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => [s.text, s.parents])).toEqual([['Old ab', ['r1']]]);
    expect(draft.current.status).toBe('saving');
    sent[0]!.answer(ok('r2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.current.status).toBe('saved');
    expect(draft.base).toEqual(['r2']);
  });

  it('saves what was typed during a save after that save, never losing it', async () => {
    const { sent, save } = recorder();
    const draft = new SectionDraft(save, null, 100);
    draft.edit('one');
    await vi.advanceTimersByTimeAsync(100);
    draft.edit('one two');
    await vi.advanceTimersByTimeAsync(100);
    // The first save is still out: no second write races it.
    expect(sent).toHaveLength(1);
    sent[0]!.answer(ok('a'));
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.map((s) => [s.text, s.parents])).toEqual([
      ['one', []],
      ['one two', ['a']],
    ]);
    sent[1]!.answer(ok('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.current).toMatchObject({ text: 'one two', status: 'saved' });
  });

  it('keeps refused text and the reason, and waits for an edit or a retry', async () => {
    const { sent, save } = recorder();
    const draft = new SectionDraft(save, { text: '', rev: 'r1' }, 100);
    draft.edit('x'.repeat(20_001));
    await vi.advanceTimersByTimeAsync(100);
    sent[0]!.answer(refused(tooLong));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    expect(draft.current).toMatchObject({ status: 'failed', error: tooLong });
    expect(draft.current.text).toHaveLength(20_001);
    expect(draft.unsaved).toBe(true);
    draft.edit('x'.repeat(20_000));
    await vi.advanceTimersByTimeAsync(100);
    expect(sent[1]!.parents).toEqual(['r1']);
    sent[1]!.answer(ok('r2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.current.status).toBe('saved');
  });

  it('tries again by itself when the core could not be reached, waiting longer each time', async () => {
    const { sent, save } = recorder();
    const draft = new SectionDraft(save, null, 100);
    draft.edit('offline words');
    await vi.advanceTimersByTimeAsync(100);
    sent[0]!.answer(refused(away));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    sent[1]!.answer(refused(away));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent[2]!.text).toBe('offline words');
    sent[2]!.answer(ok('r1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.current.status).toBe('saved');
  });

  it('tries a busy core or a save that threw again by itself; Save again tries at once and starts the wait over', async () => {
    const sent: string[] = [];
    const answers: Array<(r: Result<{ rev: string | null }>) => void> = [];
    let throwNext = false;
    const save: SaveSection = (text) => {
      sent.push(text);
      if (throwNext) return Promise.reject(new Error('IPC channel closed'));
      return new Promise((resolve) => answers.push(resolve));
    };
    const draft = new SectionDraft(save, null, 100);
    draft.edit('busy words');
    await vi.advanceTimersByTimeAsync(100);
    answers[0]!({ ok: false, error: { code: 'BUSY', message: 'The database is busy.' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.current).toMatchObject({ status: 'failed', error: { code: 'BUSY' } });
    // The second attempt throws (the transport broke): said as the core out of reach, tried again later.
    throwNext = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(2);
    expect(draft.current).toMatchObject({ status: 'failed', error: { code: 'INTERNAL' } });
    expect(draft.current.error?.message).toMatch(/cannot be reached/);
    // Save again goes at once, and the next automatic try waits the first delay again, not 8 s.
    draft.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(3);
    throwNext = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(4);
    answers[1]!(ok('r1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.current).toMatchObject({ text: 'busy words', status: 'saved', error: null });
    expect(sent).toEqual(['busy words', 'busy words', 'busy words', 'busy words']);
  });

  it('saves after no version when an empty section was emptied again before its first save', async () => {
    const { sent, save } = recorder();
    const draft = new SectionDraft(save, null, 100);
    draft.edit('a');
    draft.edit('');
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.map((s) => [s.text, s.parents])).toEqual([['', []]]);
    // The core stores nothing for an empty text in an empty section: it answers no version.
    sent[0]!.answer(ok(null));
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.base).toEqual([]);
    draft.edit('Now the real words.');
    await vi.advanceTimersByTimeAsync(100);
    // Not [''], which the core refuses as a version the section never had (the draft would stay refused).
    expect(sent[1]!.parents).toEqual([]);
  });

  it('takes in a value stored elsewhere only when nothing typed here is unsaved', async () => {
    const { sent, save } = recorder();
    const draft = new SectionDraft(save, { text: 'mine', rev: 'r1' }, 100);
    draft.adopt({ text: 'theirs', rev: 'r2' });
    expect(draft.current.text).toBe('theirs');
    draft.edit('theirs, edited');
    draft.adopt({ text: 'a third', rev: 'r3' });
    expect(draft.current.text).toBe('theirs, edited');
    await vi.advanceTimersByTimeAsync(100);
    // Saved after the base it was typed on: with r3 also a head, the section shows both.
    expect(sent[0]!.parents).toEqual(['r2']);
  });

  it('ignores a late answer that still shows a revision it has saved over', async () => {
    const { sent, save } = recorder();
    const draft = new SectionDraft(save, { text: 'first', rev: 'r1' }, 100);
    draft.edit('second');
    await vi.advanceTimersByTimeAsync(100);
    sent[0]!.answer(ok('r2'));
    await vi.advanceTimersByTimeAsync(0);
    // A read that began before the save lands after it: the box keeps the saved text.
    draft.adopt({ text: 'first', rev: 'r1' });
    expect(draft.current.text).toBe('second');
    expect(draft.base).toEqual(['r2']);
  });

  it('outlives its editor while text is unsaved, and is dropped once saved', async () => {
    const { sent, save } = recorder();
    const key = `report-1:s_context:${Math.random()}`;
    const draft = draftFor(key, () => new SectionDraft(save, null, 100));
    draft.edit('typed just before leaving');
    releaseDraft(key);
    // Saved at once on release, not after the pause.
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(draftFor(key, () => new SectionDraft(save, null))).toBe(draft);
    sent[0]!.answer(ok('r1'));
    await vi.advanceTimersByTimeAsync(0);
    releaseDraft(key);
    expect(draftFor(key, () => new SectionDraft(save, { text: 'fresh', rev: 'r9' })).current.text).toBe('fresh');
  });
});
