import { describe, expect, it } from 'vitest';
import { myanmarSyllables } from './myanmar';
import { hasNativeScript, nativeRuns, romanize } from './romanize';

/** A typed romanised query finds the text when it starts one of the forms (prefix search). */
const finds = (query: string, native: string) => romanize(native).some((form) => form.startsWith(query));

describe('romanize', () => {
  it('gives nothing for Latin text, Vietnamese included', () => {
    expect(hasNativeScript('Nguyễn Văn Hùng')).toBe(false);
    expect(romanize('Nguyễn Văn Hùng')).toEqual([]);
    expect(romanize('Office of the Civil Service Commission')).toEqual([]);
  });

  it('finds the runs of each script in mixed text', () => {
    expect(nativeRuns('Dr. สมชาย (ສົມສັກ) សុខ အောင်')).toEqual([
      { script: 'thai', run: 'สมชาย' },
      { script: 'lao', run: 'ສົມສັກ' },
      { script: 'khmer', run: 'សុខ' },
      { script: 'myanmar', run: 'အောင်' },
    ]);
    expect(romanize('Dr. สมชาย ใจดี (OCSC)')).toEqual(['somchai', 'chaidi', 'chaidee']);
  });

  it('gives only lower-case ASCII letters and digits', () => {
    for (const form of romanize('สมศักดิ์ ศรีสวัสดิ์ ແກ້ວມະນີ ក្រសួងមុខងារសាធារណៈ အောင်ဆန်းစုကြည် ပြည်ထောင်စု')) expect(form).toMatch(/^[a-z0-9]+$/);
  });

  it('romanises Thai as it is read, not letter by letter', () => {
    expect(finds('somchai', 'สมชาย')).toBe(true);
    expect(finds('chaidi', 'ใจดี')).toBe(true);
    // The letters under the thanthakhat are silent: สมศักดิ์ is Somsak, not somsakdi.
    expect(romanize('สมศักดิ์')).toContain('somsak');
    expect(finds('kittiphong', 'กิตติพงศ์')).toBe(true);
    // A final ร is -on: ศิริพร is Siriphon.
    expect(finds('siriphon', 'ศิริพร')).toBe(true);
    expect(finds('kanokwan', 'กนกวรรณ')).toBe(true);
    // A first consonant without a written vowel carries a (but not in a cluster: ปร, ศร).
    expect(finds('thanakon', 'ธนากร')).toBe(true);
    expect(finds('chanida', 'ชนิดา')).toBe(true);
    expect(finds('anan', 'อนันต์')).toBe(true);
    expect(finds('pran', 'ปราณี')).toBe(true);
    expect(finds('sri', 'ศรี')).toBe(true);
    // ญ closing a syllable is n.
    expect(finds('bunchai', 'บุญชัย')).toBe(true);
    expect(finds('panya', 'ปัญญา')).toBe(true);
    // The popular spellings: Siriporn, Malee, Pornthip's "porn".
    expect(finds('siriporn', 'ศิริพร')).toBe(true);
    expect(finds('malee', 'มาลี')).toBe(true);
    expect(finds('sompong', 'สมพงษ์')).toBe(true);
  });

  it('romanises Lao names the way Lao people spell them', () => {
    expect(finds('somsak', 'ສົມສັກ')).toBe(true);
    expect(finds('somsack', 'ສົມສັກ')).toBe(true);
    expect(finds('phommachanh', 'ພົມມະຈັນ')).toBe(true);
    expect(finds('keomany', 'ແກ້ວມະນີ')).toBe(true); // ແ is written before ກ but said after it
    expect(finds('xaysana', 'ໄຊສະນະ')).toBe(true);
    expect(finds('sayavong', 'ໄຊຍະວົງ')).toBe(true);
    expect(finds('somphone', 'ສົມພອນ')).toBe(true);
    expect(finds('sengsouvanh', 'ແສງສຸວັນ')).toBe(true);
    expect(finds('bounmy', 'ບຸນມີ')).toBe(true);
  });

  it('romanises Khmer by syllable, with the vowel each consonant series gives', () => {
    expect(romanize('សុខ')).toContain('sok'); // final ខ is k
    expect(romanize('ជា')).toContain('chea'); // ា after a second-series consonant
    expect(romanize('ចាន់')).toContain('chan'); // the bantoc shortens it
    expect(romanize('មាស')).toContain('meas');
    expect(romanize('សុផល')).toContain('sophal'); // a consonant without a vowel carries a
    expect(romanize('គង់')).toContain('kong'); // o after the second series, before a final
    expect(romanize('ពិសិដ្ឋ')).toContain('piseth'); // a stacked last letter is a final
    expect(romanize('សុវណ្ណ')).toContain('sovann');
    expect(romanize('បុប្ផា')).toContain('bopha');
    expect(romanize('វុទ្ធី')).toContain('vuthy');
    expect(romanize('ប្រាក់')).toContain('prak');
    expect(romanize('អ៊ុក')).toContain('ouk');
    expect(finds('dara', 'ដារ៉ា')).toBe(true);
    expect(finds('heng', 'ហេង')).toBe(true);
  });

  it('romanises Myanmar names syllable by syllable from the customary table', () => {
    expect(myanmarSyllables('အောင်ကျော်ဇော်')).toEqual(['အောင်', 'ကျော်', 'ဇော်']);
    expect(myanmarSyllables('မြင့်သန္တာ')).toEqual(['မြင့်', 'သန္တာ']); // dot below before asat; stacked consonant
    const forms = romanize('အောင်ကျော်ဇော်');
    for (const f of ['aung', 'kyaw', 'zaw', 'aungkyaw', 'kyawzaw', 'aungkyawzaw']) expect(forms).toContain(f);
    // Common name syllables, with the spellings in use side by side.
    const names: [string, string][] = [
      ['ထွန်း', 'htun'], ['ထွန်း', 'tun'], ['မြင့်', 'myint'], ['သိန်း', 'thein'], ['စု', 'su'], ['လှ', 'hla'], ['မောင်', 'maung'],
      ['တင်', 'tin'], ['ငြိမ်း', 'nyein'], ['စန်း', 'san'], ['မိုး', 'moe'], ['ခင်', 'khin'], ['သန့်', 'thant'], ['စိုး', 'soe'], ['ဝင်း', 'win'],
    ];
    for (const [syllable, spelling] of names) expect(romanize(syllable), syllable).toContain(spelling);
    expect(romanize('စည်သူ')).toContain('sithu');
    expect(romanize('ရတနာ')).toContain('yadanar');
  });

  it('falls back to any-ascii for a Myanmar syllable outside the table', () => {
    expect(romanize('ဂျ').length).toBeGreaterThan(0);
  });
});
