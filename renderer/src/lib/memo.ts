import { deepEqual } from './equal';

/**
 * For React.memo on form sections: props are equal when their data is equal by content.
 * Callbacks are ignored because the form passes only stable ones (setState updaters).
 */
export function sameDataProps<P extends object>(prev: P, next: P): boolean {
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)]);
  for (const key of keys) {
    const a = (prev as Record<string, unknown>)[key];
    const b = (next as Record<string, unknown>)[key];
    if (typeof a === 'function' && typeof b === 'function') continue;
    if (!deepEqual(a, b)) return false;
  }
  return true;
}
