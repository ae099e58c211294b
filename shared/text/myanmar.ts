/**
 * Myanmar name syllables and their customary romanisation. Neither any-ascii nor any other
 * package romanises Myanmar the way names are written in passports and e-mail addresses
 * (any-ascii gives ကျော် → "kyea", ဝင်း → "vn"), because that spelling follows the sound,
 * not the letters. Names are drawn from a small stock of syllables, so a table of the common
 * ones gives the spelling people actually use; the first romanisation is the usual one.
 */
export const MYANMAR_SYLLABLES: Record<string, readonly string[]> = {
  အောင်: ['aung'], ကျော်: ['kyaw'], ဝင်း: ['win'], ထွန်း: ['tun', 'htun', 'htoon'], မြင့်: ['myint'], သိန်း: ['thein'],
  စု: ['su'], လှ: ['hla'], ဇော်: ['zaw'], မောင်: ['maung'], တင်: ['tin'], ငြိမ်း: ['nyein'], စန်း: ['san'],
  မိုး: ['moe', 'mo'], ခင်: ['khin'], သန့်: ['thant'], စိုး: ['soe', 'so'], မင်း: ['min'], ထက်: ['htet'], နိုင်: ['naing'],
  ဦး: ['oo', 'u'], လွင်: ['lwin'], ဇင်: ['zin'], ကို: ['ko'], ညီ: ['nyi'], ဖြိုး: ['phyo'], ဝေ: ['wai', 'way', 'wei'],
  ရန်: ['yan'], သူ: ['thu'], ရ: ['ya', 'ra'], လင်း: ['lin'], မျိုး: ['myo'], ခန့်: ['khant'], ဟိန်း: ['hein'], သက်: ['thet'],
  ပိုင်: ['paing'], စည်: ['si'], ဇေ: ['ze'], ယျ: ['ya'], မောင့်: ['maung'], သန်း: ['than'], နေ: ['nay', 'ne'],
  ကြည်: ['kyi'], ထူး: ['htoo', 'htu'], ချစ်: ['chit'], သန္တာ: ['thandar', 'thanda'], မြတ်: ['myat'], နိုး: ['noe', 'no'],
  သီ: ['thi'], ရိ: ['ri', 'yi'], နှင်း: ['hnin'], အိ: ['ei'], ဖြူ: ['phyu'], နီ: ['ni'], လာ: ['lar', 'la'], မေ: ['may', 'me'],
  တ: ['da', 'ta'], နာ: ['nar', 'na'], ဇာ: ['zar', 'za'], နွယ်: ['nwe', 'nwai'], မြ: ['mya'], အေး: ['aye'],
  စန္ဒာ: ['sandar', 'sanda'], ထွေး: ['htwe'], ခိုင်: ['khaing'], ယဉ်: ['yin'], ချို: ['cho'], နန္ဒာ: ['nandar', 'nanda'],
  ရွှေ: ['shwe'], ပွင့်: ['pwint'], ဆု: ['hsu', 'su'], ရည်: ['yee', 'yi'], သင်း: ['thin', 'thinn'], ဝင့်: ['wint'],
  ကေ: ['kay'], လှိုင်: ['hlaing'], အုန်း: ['ohn'], ညွန့်: ['nyunt'], ဆန်း: ['san', 'hsan'], တင့်: ['tint'], သော်: ['thaw'],
  နု: ['nu'], ဘ: ['ba'], ဝါ: ['wa'], ချမ်း: ['chan'], သစ်: ['thit'], ပြည့်: ['pyae'], လေး: ['lay'], ကြိုင်: ['kyaing'],
  ဗိုလ်: ['bo'], ဇော: ['zaw'], ထိုက်: ['htaik'], ပေါ်: ['paw'], ဆွေ: ['swe', 'hswe'], ကောင်း: ['kaung'], မြိုင်: ['myaing'],
  ရီ: ['yi'], သွင်: ['thwin'], ဥ: ['u'], ဉာဏ်: ['nyan'], လတ်: ['lat'], ဦ: ['oo', 'u'],
};

/**
 * Splits Myanmar text into syllables. A syllable starts at a consonant or independent vowel,
 * unless that letter is killed by asat (်) or stacked under the one before it (virama ္), in
 * which case it closes or belongs to the syllable before: ကျော်ဇော် is ကျော် + ဇော်, and the
 * stacked သန္တာ is one syllable.
 */
export function myanmarSyllables(run: string): string[] {
  const out: string[] = [];
  let current = '';
  const chars = [...run];
  chars.forEach((c, i) => {
    // The dot below (့) may be stored between a letter and its asat: င့် is င + ့ + ်.
    const next = chars[i + 1] === '\u1037' ? chars[i + 2] : chars[i + 1];
    const starts = /[\u1000-\u102A\u103F\u104C-\u104F]/u.test(c) && chars[i - 1] !== '\u1039' && !/[\u103A\u1039]/u.test(next ?? '');
    if (starts && current) {
      out.push(current);
      current = '';
    }
    current += c;
  });
  if (current) out.push(current);
  return out;
}
