import userEvent from '@testing-library/user-event';
import { render } from '@testing-library/react';
import { createApi } from '../api/client';
import { App } from '../App';
import type { Locale } from '../i18n';
import { CoreBridge } from './coreBridge';

/** The whole app over a real core on a fresh data folder, starting at the given screen (URL fragment). */
export function renderApp({ bridge = new CoreBridge(), hash = '#/experts', locale = 'en' }: { bridge?: CoreBridge; hash?: string; locale?: Locale } = {}) {
  window.history.replaceState(null, '', `/${hash}`);
  const utils = render(<App api={createApi(bridge)} locale={locale} testEnv />);
  return { ...utils, bridge };
}

/** user-event without pauses between keystrokes: the app has no timing of its own to respect here. */
export const setupUser = () => userEvent.setup({ delay: null });

/** Like Playwright's fill: focus, replace the content in one input event (typing each key is slow in jsdom). */
export async function fill(user: ReturnType<typeof setupUser>, element: HTMLElement, text: string) {
  await user.clear(element);
  await user.click(element);
  await user.paste(text);
}
