import { describe, expect, it } from 'vitest';
import { foldText, searchTokens } from './fold';

describe('foldText', () => {
  it('removes Vietnamese diacritics, stacked ones and đ included', () => {
    expect(foldText('Nguyễn Thị Thu Hằng')).toBe('nguyen thi thu hang');
    expect(foldText('Đặng Đức')).toBe('dang duc');
    // Two marks on one letter: circumflex and dot below, breve and dot below, horn and hook.
    expect(foldText('Lệ Thắm Ngô Sỹ Liên Phượng Hưởng')).toBe('le tham ngo sy lien phuong huong');
  });

  it('folds the same whether the marks were typed precomposed or decomposed', () => {
    const composed = 'Nguyễn';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(foldText(decomposed)).toBe(foldText(composed));
    expect(foldText('ဦး'.normalize('NFD'))).toBe(foldText('ဦး'));
  });

  it('folds Filipino, Portuguese and Malay names as before', () => {
    expect(foldText('Peña Niño')).toBe('pena nino');
    expect(foldText('João Gusmão de Araújo')).toBe('joao gusmao de araujo');
    expect(foldText("Dato' Sri Ahmad Zaki bin Abdullah")).toBe("dato' sri ahmad zaki bin abdullah");
    expect(foldText('Østergård Straße Łódź')).toBe('ostergard strasse lodz');
  });

  it('keeps the vowel signs, tone marks and finals of Thai, Lao, Khmer and Myanmar', () => {
    for (const s of ['สมชาย ใจดี', 'ສົມສັກ ພົມມະຈັນ', 'សុខ សុផល', 'အောင်ကျော်ဇော်', 'นักวิชาการทรัพยากรบุคคล']) expect(foldText(s)).toBe(s);
  });

  it('keeps apart words that differ only by a vowel sign', () => {
    expect(foldText('ใจดี')).not.toBe(foldText('ใจด'));
    expect(foldText('มาลี')).not.toBe(foldText('มาลัย'));
    expect(foldText('ສຸກ')).not.toBe(foldText('ສັກ'));
    expect(foldText('ចាន់')).not.toBe(foldText('ចិន'));
    expect(foldText('မိုး')).not.toBe(foldText('မင်း'));
  });

  it('keeps the marks of other non-Latin scripts', () => {
    expect(foldText('Йогуртов')).toBe('йогуртов');
    expect(foldText('नमस्ते')).toBe('नमस्ते');
  });
});

describe('searchTokens', () => {
  it('keeps non-Latin words whole, marks inside them', () => {
    expect(searchTokens('สมชาย  วงศ์สวัสดิ์')).toEqual(['สมชาย', 'วงศ์สวัสดิ์']);
    expect(searchTokens('ສົມສັກ, ພົມມະຈັນ')).toEqual(['ສົມສັກ', 'ພົມມະຈັນ']);
    expect(searchTokens('សុខ សុផល')).toEqual(['សុខ', 'សុផល']);
    expect(searchTokens('အောင် ကျော်')).toEqual(['အောင်', 'ကျော်']);
  });

  it('splits queries on punctuation', () => {
    expect(searchTokens("Dato' Sri, Ahmad-Zaki")).toEqual(['dato', 'sri', 'ahmad', 'zaki']);
    expect(searchTokens('Nguyễn Văn (Hùng)')).toEqual(['nguyen', 'van', 'hung']);
  });
});
