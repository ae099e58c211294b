import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createInvalidator, isFedBy, queryKey } from './queries';

const clients: QueryClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.clear();
});

describe('query keys', () => {
  it('are the method and its input, so equal inputs share one entry', () => {
    expect(queryKey('experts.get', { id: 'x' })).toEqual(['experts.get', { id: 'x' }]);
  });
});

describe('isFedBy', () => {
  it('matches a query to the entities it reads, and only those', () => {
    expect(isFedBy(queryKey('experts.search', { query: 'a' }), ['portfolio'])).toBe(true);
    expect(isFedBy(queryKey('experts.get', { id: 'x' }), ['expert'])).toBe(true);
    expect(isFedBy(queryKey('taxonomy.list', {}), ['expert', 'portfolio'])).toBe(false);
    expect(isFedBy(queryKey('app.info', {}), ['portfolio'])).toBe(false);
    expect(isFedBy(queryKey('experts.search', {}), ['taxonomy'])).toBe(true);
  });

  it('refreshes everything for "*" (a reconnected stream) or an entity it does not know', () => {
    expect(isFedBy(queryKey('taxonomy.list', {}), ['*'])).toBe(true);
    expect(isFedBy(queryKey('app.info', {}), ['caseStudy'])).toBe(true);
  });
});

describe('createInvalidator', () => {
  it('batches the entities of a burst of events into one invalidation of the queries they feed', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    clients.push(client);
    const keys = [queryKey('experts.get', { id: 'a' }), queryKey('taxonomy.list', {}), queryKey('app.info', {})];
    for (const key of keys) client.setQueryData(key, { any: 'data' });
    const invalidator = createInvalidator(client, 5);
    invalidator.invalidate(['portfolio']);
    invalidator.invalidate(['portfolio']);
    // Nothing yet: the window is still open.
    expect(keys.map((k) => client.getQueryState(k)?.isInvalidated)).toEqual([false, false, false]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keys.map((k) => client.getQueryState(k)?.isInvalidated)).toEqual([true, false, false]);

    invalidator.invalidate(['expert']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keys.map((k) => client.getQueryState(k)?.isInvalidated)).toEqual([true, false, true]);
    invalidator.dispose();
  });
});
