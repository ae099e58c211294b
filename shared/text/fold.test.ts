import { describe, expect, it } from 'vitest';
import { foldText, searchTokens } from './fold';

describe('foldText', () => {
  it('removes Vietnamese diacritics, đ included', () => {
    expect(foldText('Nguyễn Thị Thu Hằng')).toBe('nguyen thi thu hang');
    expect(foldText('Đặng Đức')).toBe('dang duc');
  });
  it('keeps non-Latin scripts searchable', () => {
    expect(searchTokens('สมชาย  วงศ์สวัสดิ์')).toHaveLength(2);
  });
  it('splits queries on punctuation', () => {
    expect(searchTokens("Dato' Sri, Ahmad-Zaki")).toEqual(['dato', 'sri', 'ahmad', 'zaki']);
  });
});
