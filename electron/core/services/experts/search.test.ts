import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { AppError } from '../../../../shared/contract/result';
import { ftsQuery, searchExperts } from './search';

const noFilters = { country: [], expertise: [], language: [], status: [] };

describe('ftsQuery', () => {
  it('turns typed words into folded prefix terms, dropping one-letter words but the last', () => {
    expect(ftsQuery('Nguyễn  Hằ')).toBe('"nguyen"* "ha"*');
    expect(ftsQuery('e-government')).toBe('"government"*');
    expect(ftsQuery('Maria D. Santos')).toBe('"maria"* "santos"*');
    expect(ftsQuery('tan w')).toBe('"tan"* "w"*');
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery(' " * OR NEAR( ')).toBe('"or"* "near"*');
  });
  it('cannot be used to inject FTS syntax', () => {
    const db = openDatabase(':memory:');
    for (const q of ['"', 'a OR', '*', 'NOT x', 'col:x', '^x', '(x']) {
      expect(() => searchExperts(db, { query: q, filters: noFilters, sort: 'relevance', cursor: null, offset: 0, limit: 5 })).not.toThrow();
    }
  });
});

describe('searchExperts cursors', () => {
  it('refuse a cursor from another sort or a forged one with a clear message', () => {
    const db = openDatabase(':memory:');
    const bad = Buffer.from(JSON.stringify({ s: 'updated', k: [1, 1] })).toString('base64url');
    for (const cursor of [bad, 'garbage', Buffer.from('{"s":"name","k":["a","x"]}').toString('base64url')]) {
      let error: unknown;
      try {
        searchExperts(db, { query: '', filters: noFilters, sort: 'name', cursor, offset: 0, limit: 5 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/Search again/);
    }
  });
});
