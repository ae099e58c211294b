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
// A browser announces every scroll (the virtual list's own scrollToIndex included) in a later
// task, never inside the call that scrolled.
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
  const top = typeof options === 'object' ? options.top : y;
  if (typeof top !== 'number' || top === this.scrollTop) return;
  this.scrollTop = top;
  setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
};
window.scrollTo = () => {};

// Mantine's autosizing Textarea re-measures when web fonts load.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
  });
}

// The virtual lists need a height to decide how many rows to render; jsdom lays nothing out.
const LIST_HEIGHT = 640;
const virtualLists = new Set(['expert-list', 'application-list']);
for (const [prop, value] of [
  ['clientHeight', LIST_HEIGHT],
  ['clientWidth', 900],
  ['offsetHeight', LIST_HEIGHT],
] as const) {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      if (virtualLists.has(this.dataset.testid ?? '')) return value;
      return original?.get?.call(this) ?? 0;
    },
  });
}

// Scrolling is clamped to the content's height; the list's content is one absolutely sized div.
const originalScrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
  configurable: true,
  get(this: HTMLElement) {
    if (virtualLists.has(this.dataset.testid ?? '')) return parseInt((this.firstElementChild as HTMLElement | null)?.style.height ?? '0', 10) || 0;
    return originalScrollHeight?.get?.call(this) ?? 0;
  },
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
