import type { Gender, PersonName } from './names';
import type { Rng } from './prng';
import { KH_NATIVE, LA_NATIVE, MM_NATIVE, TH_FAMILY_HEAD_NATIVE, TH_FAMILY_TAIL_NATIVE, TH_GIVEN_NATIVE, TH_SAE_NATIVE } from './names-native';
import { asciiWord, initial, stripDiacritics } from './text';

/** Names of Viet Nam, Thailand, Cambodia, Lao PDR and Myanmar. See names.ts for the conventions. */

type W = readonly [string, number];

// ---- Viet Nam: family name, middle name, given name; weights follow published surname shares.
const VN_FAMILY: readonly W[] = [
  ['Nguyễn', 31], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 3.5], ['Huỳnh', 1.6], ['Phan', 4.5],
  ['Vũ', 2.2], ['Võ', 1.7], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1],
  ['Lý', 0.5], ['Đinh', 0.9], ['Trịnh', 0.6], ['Trương', 0.8], ['Đào', 0.5], ['Lương', 0.4], ['Mai', 0.4],
  ['Cao', 0.4], ['Lâm', 0.3], ['Tạ', 0.2], ['Hà', 0.4], ['Chu', 0.2], ['Kiều', 0.1],
];
const VN_MIDDLE: Record<Gender, readonly W[]> = {
  male: [['Văn', 35], ['Đức', 10], ['Minh', 10], ['Quốc', 8], ['Hữu', 8], ['Thành', 6], ['Công', 6], ['Xuân', 5], ['Quang', 5], ['Mạnh', 3], ['Tiến', 3], ['Trọng', 4], ['Đình', 5], ['Ngọc', 3], ['Thanh', 4], ['Anh', 2]],
  female: [['Thị', 45], ['Ngọc', 8], ['Thu', 7], ['Thanh', 8], ['Phương', 4], ['Minh', 4], ['Kim', 4], ['Hồng', 4], ['Bích', 3], ['Mỹ', 3], ['Diệu', 2], ['Thùy', 3], ['Lan', 1]],
};
const VN_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Hải', 'Long', 'Thắng', 'Cường', 'Sơn', 'Phong', 'Quân', 'Khoa', 'Bình', 'Trung', 'Hiếu', 'Huy', 'Tùng', 'Việt', 'Đạt', 'Thành', 'Minh', 'Hoàng', 'Kiên', 'Khánh', 'Lâm', 'Phúc', 'Tâm', 'Thịnh', 'Vinh', 'Quang', 'Hưng', 'Toàn', 'Tú', 'Hiệp', 'Duy', 'Bảo', 'An', 'Thái', 'Nghĩa', 'Lộc', 'Sáng', 'Thuận', 'Quý', 'Định', 'Hòa', 'Kiệt', 'Tài', 'Chiến'],
  female: ['Lan', 'Hương', 'Hà', 'Linh', 'Trang', 'Thảo', 'Mai', 'Hạnh', 'Anh', 'Hằng', 'Thủy', 'Nhung', 'Huyền', 'Yến', 'Phương', 'Dung', 'Hoa', 'Vân', 'Quỳnh', 'Nga', 'Loan', 'Tâm', 'Ngân', 'Giang', 'Chi', 'Oanh', 'Thư', 'Hiền', 'Ly', 'Nhi', 'Trâm', 'Uyên', 'Vy', 'Tuyết', 'Diệp', 'Châu', 'Liên', 'Thoa', 'Xuân', 'Hồng', 'Nhàn', 'Duyên', 'Ngọc Anh', 'Thu Hà', 'Minh Châu', 'Phương Thảo', 'Thanh Hương', 'Bảo Ngọc', 'Khánh Linh', 'Mai Anh', 'Thùy Linh', 'Hồng Nhung', 'Thu Trang', 'Kim Oanh'],
};

export function vietnameseName(rng: Rng, gender: Gender): PersonName {
  const family = rng.weighted(VN_FAMILY);
  const given = rng.pick(VN_GIVEN[gender]);
  const givenWords = given.split(' ');
  let middle = rng.weighted(VN_MIDDLE[gender]);
  // A two-syllable given name usually takes Thị or no middle name; never repeat a syllable.
  if (givenWords.length > 1) middle = rng.chance(0.4) && gender === 'female' ? 'Thị' : '';
  if (middle && givenWords.includes(middle)) middle = gender === 'female' ? 'Thị' : 'Văn';
  if (rng.chance(0.04)) middle = ''; // a few people have no middle name at all
  const givenName = middle ? `${middle} ${given}` : given;
  // The unaccented spelling, unless the name has no diacritics at all ("Phan Thu Vy").
  const unaccented = stripDiacritics(`${family} ${givenName}`);
  const otherNames = unaccented === `${family} ${givenName}` ? [] : [unaccented];
  const callName = givenWords[givenWords.length - 1] as string;
  // Abroad many write the call name first: "Hung Nguyen".
  if (rng.chance(0.2)) otherNames.push(stripDiacritics(`${callName} ${family}`));
  // Agencies in Viet Nam build addresses from the call name plus the initials of the rest: hungnv.
  const rest = [family, ...givenName.split(' ').slice(0, -1)];
  const emailLocal = asciiWord(callName) + rest.map((w) => initial(w).toLowerCase()).join('');
  return { givenName, familyName: family, nameOrder: 'family-given', otherNames, community: 'vietnamese', hereditaryTitle: '', emailLocal };
}

// ---- Thailand: given name and family name, both in RTGS; the popular spelling that many
// Thais use in passports and e-mail (Siriporn for RTGS Siriphon) is kept as an other name.
type Spellings = readonly [rtgs: string, popular: string];
export const TH_GIVEN: Record<Gender, readonly Spellings[]> = {
  male: [
    ['Somchai', 'Somchai'], ['Somsak', 'Somsak'], ['Surachai', 'Surachai'], ['Anan', 'Anan'], ['Prasoet', 'Prasert'], ['Wichai', 'Vichai'],
    ['Chaiwat', 'Chaiwat'], ['Kittiphong', 'Kittipong'], ['Thanakon', 'Thanakorn'], ['Natthaphong', 'Nattapong'], ['Aphichat', 'Apichart'],
    ['Phongsak', 'Pongsak'], ['Sakchai', 'Sakchai'], ['Thirawat', 'Teerawat'], ['Wirot', 'Viroj'], ['Somphong', 'Sompong'], ['Bunchai', 'Boonchai'],
    ['Chatchai', 'Chatchai'], ['Panya', 'Panya'], ['Suphachai', 'Supachai'], ['Thawatchai', 'Tawatchai'], ['Phichit', 'Pichit'],
    ['Yutthana', 'Yuttana'], ['Sombat', 'Sombat'], ['Narongrit', 'Narongrit'], ['Worawut', 'Vorawut'], ['Prawit', 'Pravit'],
    ['Kriangkrai', 'Kriengkrai'], ['Ekkachai', 'Ekachai'], ['Sutthiphong', 'Suttipong'], ['Athit', 'Arthit'], ['Phiphat', 'Pipat'],
  ],
  female: [
    ['Siriphon', 'Siriporn'], ['Suda', 'Suda'], ['Mali', 'Malee'], ['Wanida', 'Vanida'], ['Phonthip', 'Pornthip'], ['Kanokwan', 'Kanokwan'],
    ['Natthaya', 'Nattaya'], ['Rattana', 'Ratana'], ['Suphaphon', 'Supaporn'], ['Duangchai', 'Duangjai'], ['Phimchanok', 'Pimchanok'],
    ['Chanida', 'Chanida'], ['Sunisa', 'Sunisa'], ['Orathai', 'Orathai'], ['Chiraphon', 'Jiraporn'], ['Kunthida', 'Kulthida'], ['Wilai', 'Vilai'],
    ['Aruni', 'Arunee'], ['Thitima', 'Titima'], ['Phatcharaphon', 'Patcharaporn'], ['Nongluk', 'Nongluck'], ['Saowani', 'Saowanee'],
    ['Kannika', 'Kannika'], ['Waruni', 'Varunee'], ['Prani', 'Pranee'], ['Ladda', 'Ladda'], ['Phensi', 'Pensri'], ['Chintana', 'Jintana'],
    ['Yuphin', 'Yupin'], ['Thatsani', 'Tassanee'], ['Sasithon', 'Sasithorn'], ['Phawinee', 'Pavinee'],
  ],
};
// Thai surnames are mostly unique coinages of Pali/Sanskrit morphemes, so they are composed.
const TH_FAMILY_HEAD: readonly Spellings[] = [
  ['Si', 'Sri'], ['Wong', 'Vong'], ['Chai', 'Chai'], ['Suwanna', 'Suwanna'], ['Rattana', 'Rattana'], ['Kaeo', 'Kaew'], ['Thong', 'Thong'],
  ['Bun', 'Boon'], ['Siri', 'Siri'], ['Phrom', 'Prom'], ['Intha', 'Inta'], ['Chanthra', 'Jantra'], ['Kitti', 'Kitti'], ['Phatthana', 'Pattana'],
  ['Sombat', 'Sombat'], ['Saeng', 'Saeng'], ['Charoen', 'Charoen'], ['Sombun', 'Somboon'], ['Phanit', 'Panit'], ['Watthana', 'Wattana'],
  ['Rung', 'Rung'], ['Anan', 'Anan'], ['Thep', 'Tep'], ['Chok', 'Chok'], ['Rueang', 'Ruang'], ['Khong', 'Kong'], ['Thana', 'Tana'], ['Sutthi', 'Sutti'],
];
const TH_FAMILY_TAIL: readonly Spellings[] = [
  ['suk', 'suk'], ['sawat', 'sawat'], ['wong', 'wong'], ['phon', 'porn'], ['rat', 'rat'], ['kun', 'kul'], ['siri', 'siri'], ['chai', 'chai'],
  ['phong', 'pong'], ['thong', 'thong'], ['wat', 'wat'], ['sak', 'sak'], ['di', 'dee'], ['kham', 'kham'], ['ngam', 'ngarm'], ['sombat', 'sombat'],
  ['charoen', 'charoen'], ['rueang', 'ruang'], ['sin', 'sin'], ['phaibun', 'paiboon'], ['chit', 'chit'], ['sakun', 'sakul'],
  ['phanit', 'panich'], ['mongkhon', 'mongkol'], ['wiwat', 'wiwat'], ['chinda', 'jinda'], ['sathit', 'sathit'], ['kit', 'kij'],
];
// Sino-Thai surnames keep the clan marker "Sae".
const TH_SAE: readonly Spellings[] = [['Sae-tang', 'Saetang'], ['Sae-lim', 'Saelim'], ['Sae-ung', 'Saeung'], ['Sae-heng', 'Saeheng'], ['Sae-tia', 'Saetia'], ['Sae-li', 'Saelee']];

/** A surname's RTGS and popular spellings, and its Thai spelling. */
function thaiFamily(rng: Rng): [...Spellings, string] {
  if (rng.chance(0.07)) {
    const sae = rng.pick(TH_SAE);
    return [...sae, native(TH_SAE_NATIVE, sae[0])];
  }
  for (;;) {
    const head = rng.pick(TH_FAMILY_HEAD);
    const tail = rng.pick(TH_FAMILY_TAIL);
    if (head[0].toLowerCase() !== tail[0] && !head[0].toLowerCase().endsWith(tail[0])) {
      return [head[0] + tail[0], head[1] + tail[1], native(TH_FAMILY_HEAD_NATIVE, head[0]) + native(TH_FAMILY_TAIL_NATIVE, tail[0])];
    }
  }
}

/** The native spelling of a name part; every part the tables above can pick has one (names.test.ts). */
function native(table: Record<string, string>, romanised: string): string {
  const found = table[romanised];
  if (found === undefined) throw new Error(`No native spelling for the demo name part "${romanised}"`);
  return found;
}

export function thaiName(rng: Rng, gender: Gender): PersonName {
  const [given, givenPopular] = rng.pick(TH_GIVEN[gender]);
  const [family, familyPopular, familyThai] = thaiFamily(rng);
  const popular = `${givenPopular} ${familyPopular}`;
  const otherNames = popular !== `${given} ${family}` && rng.chance(0.6) ? [popular] : [];
  // Thai agencies commonly use the given name and the family name's first letter: somchai.w
  const emailLocal = `${asciiWord(givenPopular)}.${asciiWord(familyPopular).charAt(0)}`;
  const nativeName = `${native(TH_GIVEN_NATIVE, given)} ${familyThai}`;
  return { givenName: given, familyName: family, nameOrder: 'given-family', otherNames, community: 'thai', hereditaryTitle: '', emailLocal, native: nativeName };
}

// ---- Cambodia: family name first, then a given name that is usually one word.
const KH_FAMILY: readonly W[] = [
  ['Sok', 10], ['Chea', 6], ['Heng', 5], ['Kim', 5], ['Chan', 5], ['Keo', 5], ['Sao', 3], ['Meas', 4], ['Ly', 4], ['Chhay', 3], ['Phan', 3],
  ['Pich', 3], ['Seng', 3], ['Touch', 2], ['Ouk', 3], ['Mao', 3], ['Prak', 3], ['Hem', 3], ['Sam', 3], ['Yim', 3], ['Nhem', 2], ['Tep', 2],
  ['Long', 3], ['Vann', 2], ['Khiev', 2], ['Ros', 2], ['Men', 2], ['Chum', 2], ['Som', 2], ['Nuon', 2], ['Oum', 2], ['Sun', 2], ['Thach', 1],
  ['Kong', 2], ['Say', 2], ['Huot', 1], ['Lim', 2], ['Ngin', 1], ['Soeung', 1], ['Tith', 1], ['Uy', 1],
];
const KH_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Sophal', 'Dara', 'Vannak', 'Rithy', 'Sokha', 'Sovann', 'Vuthy', 'Sothea', 'Bunthoeun', 'Kosal', 'Sambath', 'Piseth', 'Visal', 'Veasna', 'Samnang', 'Sopheak', 'Chanthy', 'Sarin', 'Vibol', 'Virak', 'Ratanak', 'Boren', 'Makara', 'Pheakdey', 'Sokhom', 'Narith', 'Sovannarith', 'Vichet', 'Bunna', 'Chamroeun'],
  female: ['Sreymom', 'Sophea', 'Channary', 'Bopha', 'Sokunthea', 'Chenda', 'Leakhena', 'Sreyneang', 'Thida', 'Malis', 'Kunthea', 'Sopheap', 'Pisey', 'Kanha', 'Rachana', 'Sreypov', 'Davy', 'Nary', 'Monyrath', 'Sophany', 'Raksmey', 'Chanthou', 'Sreyleak', 'Sophorn', 'Vanny', 'Lida', 'Sotheary', 'Sokhany', 'Kolab', 'Romduol'],
};

export function cambodianName(rng: Rng, gender: Gender): PersonName {
  const family = rng.weighted(KH_FAMILY);
  const given = rng.pick(KH_GIVEN[gender]);
  // In English-language settings many Cambodians put the given name first: "Sophal Sok".
  const otherNames = rng.chance(0.25) ? [`${given} ${family}`] : [];
  const emailLocal = rng.chance(0.5) ? `${asciiWord(given)}.${asciiWord(family)}` : asciiWord(family + given);
  // Khmer writes the family name first, as the romanised name does: សុខ សុផល.
  const nativeName = `${native(KH_NATIVE, family)} ${native(KH_NATIVE, given)}`;
  return { givenName: given, familyName: family, nameOrder: 'family-given', otherNames, community: 'khmer', hereditaryTitle: '', emailLocal, native: nativeName };
}

// ---- Lao PDR: given name, then family name (adopted by law in 1943), both romanised in the
// French-influenced way ("Phommachanh"); simplified spellings are common too.
const LA_FAMILY_FIXED = [
  'Phommachanh', 'Sisouphanh', 'Vongphachanh', 'Keomany', 'Sayavong', 'Phommasack', 'Inthavong', 'Siharath', 'Xaysana', 'Chanthavong',
  'Sengsouvanh', 'Douangchak', 'Phetsomphou', 'Luangrath', 'Vongsay', 'Sysavath', 'Thammavong', 'Phanthavong', 'Manivong', 'Souvannavong',
  'Keovilay', 'Sipaseuth', 'Xayavong', 'Soukhaseum', 'Phimmasone', 'Khounvilay', 'Vilaysack', 'Bounyavong', 'Phengsavanh', 'Sengdara',
  'Inthapanya', 'Sounthala', 'Latsavong', 'Chanthalangsy', 'Phoumavong', 'Sihalath', 'Vorachith', 'Kommadam', 'Southammavong', 'Syvongsa',
];
const LA_HEAD = ['Phomma', 'Vong', 'Souvanna', 'Keo', 'Sy', 'Chantha', 'Phet', 'Xay', 'Bounma', 'Intha', 'Siri', 'Khamma', 'Seng', 'Outha'];
const LA_TAIL = ['chanh', 'vong', 'sack', 'savath', 'phanh', 'vilay', 'sone', 'thala', 'savanh', 'rath', 'souk', 'mixay', 'vanh', 'phone'];
const LA_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Souksavanh', 'Bounmy', 'Khamphay', 'Somphone', 'Phonesavanh', 'Viengkham', 'Thongsavanh', 'Bouasone', 'Sisavath', 'Khamla', 'Somsanouk', 'Vilay', 'Kongkeo', 'Sithong', 'Anousone', 'Phouvong', 'Khamphou', 'Bounthanh', 'Soulivong', 'Thongphanh', 'Vanxay', 'Xaysomphone', 'Somsack', 'Bounleuth', 'Khamsing', 'Saysamone', 'Thongchanh', 'Outhay'],
  female: ['Kesone', 'Manivanh', 'Souphaphone', 'Vilayvanh', 'Chanthala', 'Phonethip', 'Davone', 'Sengdao', 'Viengsavanh', 'Malayvanh', 'Phetsamone', 'Thipphavanh', 'Bouakham', 'Sengchanh', 'Anousa', 'Souksakhone', 'Latsamy', 'Chanthaly', 'Sisomphone', 'Amphone', 'Bounmala', 'Khamphet', 'Vanida', 'Noudeng', 'Phaivanh', 'Sommany'],
};

/** The simplified spelling: final -nh dropped, initial X as S, initial V as W. */
function laoSimplified(word: string): string {
  return word.replace(/nh$/, 'n').replace(/^X/, 'S').replace(/^V/, 'W');
}

export function laoName(rng: Rng, gender: Gender): PersonName {
  const given = rng.pick(LA_GIVEN[gender]);
  let family: string;
  let familyLao: string;
  if (rng.chance(0.6)) {
    family = rng.pick(LA_FAMILY_FIXED);
    familyLao = native(LA_NATIVE, family);
  } else {
    const [head, tail] = [rng.pick(LA_HEAD), rng.pick(LA_TAIL)];
    family = head + tail;
    familyLao = native(LA_NATIVE, head) + native(LA_NATIVE, tail);
  }
  const simple = `${laoSimplified(given)} ${laoSimplified(family)}`;
  const otherNames = simple !== `${given} ${family}` && rng.chance(0.3) ? [simple] : [];
  const emailLocal = rng.chance(0.6) ? `${asciiWord(given)}.${asciiWord(family)}` : `${asciiWord(given)}${asciiWord(family).charAt(0)}`;
  const nativeName = `${native(LA_NATIVE, given)} ${familyLao}`;
  return { givenName: given, familyName: family, nameOrder: 'given-family', otherNames, community: 'lao', hereditaryTitle: '', emailLocal, native: nativeName };
}

// ---- Myanmar: no family name; a personal name of two to four syllables. U, Daw, Ko and Ma
// are honorifics (chosen in honorifics.ts by age), never part of the name.
const MM_SYLLABLES: Record<Gender, readonly string[]> = {
  male: ['Aung', 'Kyaw', 'Moe', 'Min', 'Zaw', 'Htet', 'Thant', 'Naing', 'Soe', 'Win', 'Tun', 'Oo', 'Lwin', 'Myint', 'Thein', 'Htun', 'Zin', 'Ko', 'Nyi', 'Phyo', 'Wai', 'Yan', 'Thura', 'Lin', 'Myo', 'Khant', 'Hein', 'Thet', 'Paing', 'Sithu', 'Zeya', 'Hla', 'Maung', 'Than', 'Nay', 'Kyi', 'Tin', 'Htoo', 'Chit'],
  female: ['Khin', 'Thandar', 'Myat', 'Noe', 'Thiri', 'Su', 'Hnin', 'Ei', 'Phyu', 'Nilar', 'May', 'Yadanar', 'Wai', 'Thuzar', 'Nwe', 'Mya', 'Aye', 'San', 'Sandar', 'Htwe', 'Khaing', 'Zar', 'Yin', 'Cho', 'Nandar', 'Shwe', 'Pwint', 'Hsu', 'Yee', 'Moe', 'Thin', 'Wint', 'Kay', 'Zin', 'Hlaing', 'Lwin', 'Thet', 'Myint', 'Htet', 'Ohn'],
};

export function myanmarName(rng: Rng, gender: Gender): PersonName {
  const count = rng.weighted([[2, 35], [3, 55], [4, 10]] as const);
  const givenName = rng.sample(MM_SYLLABLES[gender], count).join(' ');
  const words = givenName.split(' ');
  const emailLocal = rng.chance(0.5) ? asciiWord(givenName) : `${asciiWord(words[0] as string)}.${asciiWord(words.slice(1).join(''))}`;
  // Myanmar script writes a name's syllables without spaces: အောင်ကျော်ဇော်.
  const nativeName = words.map((w) => native(MM_NATIVE, w)).join('');
  return { givenName, familyName: '', nameOrder: 'given-only', otherNames: [], community: 'bamar', hereditaryTitle: '', emailLocal, native: nativeName };
}
