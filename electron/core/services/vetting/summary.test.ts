import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from '../../../../shared/text/fold';
import { indexText } from '../../../../shared/text/index-text';
import { fold, searchText } from './summary';

describe('the application list’s folding shortcuts', () => {
  const samples = ['Siti Nurhaliza', 'siti@bkn.go.id Badan Kepegawaian Negara', 'Nguyễn Thị Thu Hằng', 'Đặng Đức', 'สมชาย ใจดี', 'Peña', 'ΣΟΦΙΑ ΟΔΥΣΣΕΥΣ', 'İstanbul', 'A\u0301B', '', ' \t\u007f'];
  it('give what foldText and indexText give, for ASCII text and any other', () => {
    for (const s of samples) {
      expect(fold(s)).toBe(foldText(s));
      expect(searchText(s)).toBe(indexText(s));
    }
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' }), fc.string()), (s) => {
        expect(fold(s)).toBe(foldText(s));
        expect(searchText(s)).toBe(indexText(s));
      }),
      { numRuns: 500 },
    );
  });
});
