/**
 * jsdom lacks what Mantine and the virtual list measure with. Import this first in every
 * `// @vitest-environment jsdom` test file.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverShim {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverShim;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverShim;
}

Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Element.prototype.scrollTo ??= function scrollTo(this: Element, options?: ScrollToOptions | number) {
  if (typeof options === 'object' && typeof options.top === 'number') this.scrollTop = options.top;
};
window.scrollTo = () => {};

// Mantine's autosizing Textarea re-measures when web fonts load.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
  });
}

// The result list needs a height to decide how many rows to render; jsdom lays nothing out.
const LIST_HEIGHT = 640;
for (const [prop, value] of [
  ['clientHeight', LIST_HEIGHT],
  ['clientWidth', 900],
  ['offsetHeight', LIST_HEIGHT],
] as const) {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      if (this.dataset.testid === 'expert-list') return value;
      return original?.get?.call(this) ?? 0;
    },
  });
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
