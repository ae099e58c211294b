import { render } from '@testing-library/react';
import { createApi } from '../api/client';
import { App } from '../App';
import type { Locale } from '../i18n';
import { FakeBridge } from './fakeBridge';

/** The whole app over an in-memory core, starting at the given screen (URL fragment). */
export function renderApp({ bridge = new FakeBridge(), hash = '#/experts', locale = 'en' }: { bridge?: FakeBridge; hash?: string; locale?: Locale } = {}) {
  window.history.replaceState(null, '', `/${hash}`);
  const utils = render(<App api={createApi(bridge)} locale={locale} testEnv />);
  return { ...utils, bridge };
}
