import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { SectionDraft, draftFor, releaseDraft, type DraftState, type SaveSection, type SectionRevision } from './sectionDraft';

/**
 * The draft of one section for an editor: created from the stored value the first time,
 * otherwise the draft left by an earlier editor (with its unsaved text). A stored value that
 * moves on elsewhere is taken in while nothing typed here is unsaved.
 */
export function useSectionDraft(key: string, stored: SectionRevision | null, save: SaveSection): { draft: SectionDraft; state: DraftState } {
  const draft = draftFor(key, () => new SectionDraft(save, stored));
  draft.useSave(save);
  const subscribe = useCallback((listener: () => void) => draft.subscribe(listener), [draft]);
  const state = useSyncExternalStore(subscribe, () => draft.current);
  const rev = stored?.rev ?? null;
  const text = stored?.text ?? '';
  useEffect(() => {
    draft.adopt(rev === null ? null : { rev, text });
  }, [draft, rev, text]);
  useEffect(
    () => () => {
      // After this editor's subscription is gone (and, in StrictMode, after it came back).
      queueMicrotask(() => releaseDraft(key));
    },
    [key],
  );
  return { draft, state };
}
