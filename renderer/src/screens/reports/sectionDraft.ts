import type { AppErrorShape, Result } from '../../../../shared/contract';

/**
 * One section's text on its way from the editor to the core, saved automatically.
 *
 * Invariants (a save never loses text):
 * - `text` is what the curator last typed. Only edit() changes it, and adopt() only while
 *   nothing typed here is unsaved; a failed save leaves it as it is.
 * - A save names as parents the revision the text was edited from (the last value this
 *   draft saved or adopted), so a save on an old base makes a second head instead of
 *   overwriting another curator's words.
 * - A refusal (the text is too long, the role may not write) waits for the next edit or
 *   retry(); a transport failure (the core is busy or cannot be reached) is tried again
 *   by itself, waiting longer each time.
 * - A draft outlives its editor: drafts are kept by record and section (draftFor), so an
 *   editor that unmounts with unsaved text (the curator moved to another tab or screen)
 *   leaves it saving in the background, and the next editor of that section picks it up.
 */

export type DraftStatus = 'saved' | 'pending' | 'saving' | 'failed';

export interface DraftState {
  text: string;
  status: DraftStatus;
  error: AppErrorShape | null;
  /** When the last save succeeded (ms), for "Saved at 14:02". */
  savedAt: number | null;
}

export interface SectionRevision {
  text: string;
  rev: string;
}

/**
 * Writes the text as a new revision after `parents`; answers the revision the section now
 * holds, or null when it holds none (an emptied text saved into a section never written).
 */
export type SaveSection = (text: string, parents: string[]) => Promise<Result<{ rev: string | null }>>;

/** Failures worth trying again unasked: the core was busy or out of reach, not a refusal of the text. */
export const isTransient = (error: AppErrorShape) => error.code === 'BUSY' || error.code === 'OFFLINE' || (error.code === 'INTERNAL' && /cannot be reached/.test(error.message));

export const SAVE_DELAY_MS = 800;
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

export class SectionDraft {
  private state: DraftState;
  private parents: string[];
  /** Revisions this draft has since saved over: a late answer still showing one is older than the text here. */
  private readonly superseded = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_FIRST_MS;
  private inFlight: Promise<void> | null = null;
  private readonly listeners = new Set<(state: DraftState) => void>();

  constructor(
    private save: SaveSection,
    initial: SectionRevision | null,
    private readonly delayMs = SAVE_DELAY_MS,
  ) {
    this.state = { text: initial?.text ?? '', status: 'saved', error: null, savedAt: null };
    this.parents = initial ? [initial.rev] : [];
  }

  get current(): DraftState {
    return this.state;
  }

  /** True while some of what was typed has not reached the core. */
  get unsaved(): boolean {
    return this.state.status !== 'saved';
  }

  /** The revisions the next save will name as its parents. */
  get base(): readonly string[] {
    return this.parents;
  }

  /** The editor's save function (it may change with the screen's API); the draft keeps the newest. */
  useSave(save: SaveSection): void {
    this.save = save;
  }

  subscribe(listener: (state: DraftState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get watched(): boolean {
    return this.listeners.size > 0;
  }

  edit(text: string): void {
    if (text === this.state.text && this.state.status !== 'failed') return;
    this.set({ text, status: this.inFlight ? 'saving' : 'pending', error: null });
    this.schedule(this.delayMs);
  }

  /** Saves now what is pending (on blur, before leaving); resolves when nothing typed is unsaved or a save failed. */
  async flush(): Promise<void> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (this.state.status === 'pending' || this.state.status === 'failed') await this.run();
  }

  /** Tries a failed save again at once. */
  retry(): void {
    this.retryMs = RETRY_FIRST_MS;
    void this.flush();
  }

  /**
   * The stored value moved on elsewhere (another curator, sync, a resolution). Taken in only
   * when nothing typed here is unsaved; otherwise the next save names the old base and the
   * section shows both versions for the curator to resolve.
   */
  adopt(value: SectionRevision | null): void {
    if (this.unsaved || this.inFlight) return;
    if (value && this.superseded.has(value.rev)) return;
    const rev = value ? [value.rev] : [];
    if (rev.join() === this.parents.join() && (value?.text ?? '') === this.state.text) return;
    this.parents = rev;
    this.set({ text: value?.text ?? '', status: 'saved', error: null });
  }

  dispose(): void {
    this.clearTimer();
    this.listeners.clear();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const text = this.state.text;
    this.set({ status: 'saving' });
    const attempt = this.save(text, [...this.parents]).then(
      (result) => this.settle(text, result),
      () => this.settle(text, { ok: false, error: { code: 'INTERNAL', message: "The app's core cannot be reached." } }),
    );
    this.inFlight = attempt.finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private settle(sent: string, result: Result<{ rev: string | null }>): void {
    if (result.ok) {
      for (const rev of this.parents) this.superseded.add(rev);
      this.parents = result.value.rev === null ? [] : [result.value.rev];
      this.retryMs = RETRY_FIRST_MS;
      // Typing went on during the save: that text is still to be saved, after this revision.
      if (this.state.text !== sent) {
        this.set({ status: 'pending', error: null, savedAt: Date.now() });
        this.schedule(this.delayMs);
      } else {
        this.set({ status: 'saved', error: null, savedAt: Date.now() });
      }
      return;
    }
    this.set({ status: 'failed', error: result.error });
    // Typing went on during the refused save: the newer text may well be accepted (cut below the limit).
    if (this.state.text !== sent) this.schedule(this.delayMs);
    else if (isTransient(result.error)) {
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    }
  }

  private set(next: Partial<DraftState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener(this.state);
  }
}

const drafts = new Map<string, SectionDraft>();

/** The draft of one section of one record, created from the stored value the first time it is asked for. */
export function draftFor(key: string, make: () => SectionDraft): SectionDraft {
  let draft = drafts.get(key);
  if (!draft) {
    draft = make();
    drafts.set(key, draft);
  }
  return draft;
}

/**
 * An editor is gone: a draft with nothing unsaved is dropped (the next editor starts from the
 * stored value); one with unsaved text is saved now and kept until it is.
 */
export function releaseDraft(key: string): void {
  const draft = drafts.get(key);
  if (!draft || draft.watched) return;
  if (!draft.unsaved) {
    draft.dispose();
    drafts.delete(key);
    return;
  }
  void draft.flush().then(() => {
    if (!draft.watched && !draft.unsaved) {
      draft.dispose();
      drafts.delete(key);
    }
  });
}

/** True when some section of any record has text not yet saved (the window asks before closing). */
export const anyUnsavedDraft = () => [...drafts.values()].some((d) => d.unsaved);
