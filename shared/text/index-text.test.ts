import { describe, expect, it } from 'vitest';
import { foldText } from './fold';
import { indexText } from './index-text';

const words = (s: string) => indexText(s).split(' ');

describe('indexText', () => {
  it('is exactly foldText for Latin text', () => {
    for (const s of ['Nguyễn Văn Hùng', 'Office of the Civil Service Commission (OCSC)', "Dato' Sri Ahmad", 'Peña', '']) expect(indexText(s)).toBe(foldText(s));
  });

  it('adds the words of an unbroken Thai run, and the rest of the run from each word on', () => {
    const w = words('สำนักงานคณะกรรมการข้าราชการพลเรือน');
    expect(w[0]).toBe('สำนักงานคณะกรรมการข้าราชการพลเรือน');
    expect(w).toContain('ข้าราชการ');
    expect(w).toContain('ข้าราชการพลเรือน');
    expect(w).toContain('พลเรือน');
  });

  it('adds romanised forms of native-script text', () => {
    expect(words('สมชาย ใจดี')).toEqual(['สมชาย', 'ใจดี', 'somchai', 'chaidi', 'chaidee']);
    expect(words('ສົມສັກ')).toContain('somsak');
    expect(words('Dr. အောင်ကျော်ဇော်')).toContain('kyawzaw');
  });

  it('keeps a long run to a bounded size', () => {
    const sentence = 'การพัฒนาทรัพยากรบุคคลภาครัฐ'.repeat(20);
    expect(indexText(sentence).length).toBeLessThan(sentence.length * 20);
  });
});
