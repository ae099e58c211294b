import type { Messages } from './messages';
import { externalUrlToOpen } from './urls';

/**
 * Every link that would leave the app (a portfolio item's link, a URL typed into a
 * profile) is shown to the curator, who decides: nothing opens the system browser unasked.
 * The decision is here as plain data; electron/main/index.ts only shows it and acts.
 */

/** The longest URL shown in full; longer ones are cut in the dialog (the host is always shown). */
export const MAX_SHOWN_URL = 600;

export interface ExternalLinkPrompt {
  /** Exactly what will be handed to the operating system if the curator agrees. */
  url: string;
  /** Options for dialog.showMessageBox. */
  dialog: {
    type: 'question';
    title: string;
    message: string;
    detail: string;
    buttons: [open: string, cancel: string];
    defaultId: number;
    cancelId: number;
    noLink: true;
  };
}

/**
 * The question to ask before opening `raw`, or null when it must not be opened at all
 * (not http(s), credentials in it, no host: see externalUrlToOpen). The host is shown in
 * its ASCII (punycode) form, so a look-alike domain cannot pass for a familiar one.
 * Cancel is the default button: Enter alone never sends the curator out of the app.
 */
export function externalLinkPrompt(raw: unknown, text: Messages): ExternalLinkPrompt | null {
  const url = externalUrlToOpen(raw);
  if (!url) return null;
  const shown = url.href.length > MAX_SHOWN_URL ? `${url.href.slice(0, MAX_SHOWN_URL)}…` : url.href;
  return {
    url: url.href,
    dialog: {
      type: 'question',
      title: text.externalLinkTitle,
      message: text.externalLinkMessage(url.host),
      detail: text.externalLinkDetail(shown),
      buttons: [text.openLink, text.cancel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    },
  };
}

/** True only for the "Open in browser" button; closing the dialog any other way is a no. */
export function agreedToOpen(response: number): boolean {
  return response === 0;
}

/**
 * Wraps the asking so that only one question is on screen at a time: a page that opens links
 * in a loop gets one dialog, not a stack of them. Requests made while one is open are dropped.
 */
export function oneQuestionAtATime<A extends unknown[]>(ask: (...args: A) => Promise<unknown>): (...args: A) => void {
  let open = false;
  return (...args) => {
    if (open) return;
    open = true;
    void ask(...args)
      .catch((error: unknown) => console.error('Asking to open an external link failed', error))
      .finally(() => {
        open = false;
      });
  };
}
