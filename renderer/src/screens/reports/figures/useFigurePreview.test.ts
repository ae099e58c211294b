import { describe, expect, it } from 'vitest';
import { cleanFilters, sameFilters } from './useFigurePreview';

describe('figure filters in the dialog', () => {
  it('keep only what was chosen', () => {
    expect(cleanFilters({ countries: [], expertise: ['hrm'], languages: [], includeArchived: false })).toEqual({ expertise: ['hrm'] });
    expect(cleanFilters({ countries: ['TH'], expertise: [], languages: ['th'], includeArchived: true })).toEqual({ countries: ['TH'], languages: ['th'], includeArchived: true });
  });

  it('compare alike whatever the order or the empty entries a stored figure kept', () => {
    expect(sameFilters({ languages: ['th', 'en'], countries: ['VN', 'TH'], includeArchived: false, expertise: [] }, { countries: ['TH', 'VN'], languages: ['en', 'th'] })).toBe(true);
    expect(sameFilters({ countries: ['TH'] }, { countries: ['TH'], includeArchived: true })).toBe(false);
    expect(sameFilters({ expertise: ['hrm'] }, { expertise: ['hrm.recruitment'] })).toBe(false);
  });
});
