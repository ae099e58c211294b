import type { Gender, PersonName } from './names';
import type { Rng } from './prng';
import { asciiWord, initial, stripDiacritics } from './text';

/**
 * Names of Indonesia, Malaysia, Singapore, the Philippines, Brunei and Timor-Leste.
 * See names.ts for how each convention maps onto given name, family name and order.
 */

type W = readonly [string, number];
const last = (s: string) => s.split(' ').pop() as string;

// ---- Indonesia
const ID_MONONYM: Record<Gender, readonly string[]> = {
  male: ['Sutrisno', 'Sudarmono', 'Suyanto', 'Mulyono', 'Sugiarto', 'Supriyadi', 'Haryanto', 'Wahyudi', 'Purnomo', 'Sunarto', 'Suparman', 'Slamet', 'Sukardi', 'Marsudi', 'Parjo', 'Darmawan'],
  female: ['Sumiati', 'Suwarni', 'Sulastri', 'Murniati', 'Rukmini', 'Wartini', 'Sumarni', 'Suprihatin', 'Kustini', 'Tukiyem'],
};
const ID_FIRST: Record<Gender, readonly string[]> = {
  male: ['Agus', 'Budi', 'Bambang', 'Dedi', 'Eko', 'Hendra', 'Joko', 'Rudi', 'Arif', 'Ahmad', 'Muhammad', 'Rizky', 'Fajar', 'Dimas', 'Andi', 'Irfan', 'Taufik', 'Yudi', 'Hadi', 'Wahyu', 'Adi', 'Teguh', 'Heru', 'Doni', 'Bayu', 'Gilang', 'Rahmat', 'Imam', 'Yusuf', 'Ilham', 'Dwi', 'Tri', 'Anton', 'Hendro', 'Reza', 'Aditya'],
  female: ['Siti', 'Sri', 'Dewi', 'Ratna', 'Rina', 'Wulan', 'Ayu', 'Fitri', 'Indah', 'Nur', 'Putri', 'Dian', 'Retno', 'Endang', 'Yuni', 'Kartika', 'Intan', 'Nadia', 'Anisa', 'Diah', 'Maya', 'Eka', 'Dwi', 'Tri', 'Novi', 'Rini', 'Lina', 'Mega'],
};
const ID_LAST: Record<Gender, readonly string[]> = {
  male: ['Santoso', 'Wibowo', 'Setiawan', 'Prasetyo', 'Hidayat', 'Kurniawan', 'Saputra', 'Nugroho', 'Susanto', 'Gunawan', 'Pratama', 'Hakim', 'Utomo', 'Purnama', 'Rahman', 'Firmansyah', 'Hermawan', 'Syahputra', 'Wijaksono', 'Suryadi', 'Ramadhan', 'Hartono', 'Sulistyo', 'Mahendra'],
  female: ['Lestari', 'Wulandari', 'Rahmawati', 'Susanti', 'Handayani', 'Puspitasari', 'Anggraini', 'Kusumawati', 'Permatasari', 'Maharani', 'Safitri', 'Purwanti', 'Yuliani', 'Fitriani', 'Astuti', 'Wahyuni', 'Kartikasari', 'Novitasari', 'Oktaviani', 'Damayanti'],
};
// Inherited clan and family names: Batak, Minahasa, Maluku and Chinese-Indonesian.
const ID_CLAN = ['Siregar', 'Nasution', 'Harahap', 'Lubis', 'Simanjuntak', 'Panjaitan', 'Hasibuan', 'Sembiring', 'Tarigan', 'Ginting', 'Sitorus', 'Manurung', 'Pangaribuan', 'Sinaga', 'Rumondor', 'Lumentut', 'Tumbelaka', 'Wuisan', 'Pattinama', 'Latuconsina', 'Wijaya', 'Halim', 'Tanuwijaya', 'Salim', 'Gunadi', 'Kusuma'];
const ID_CLAN_FIRST: Record<Gender, readonly string[]> = {
  male: ['Daniel', 'Robert', 'Jonathan', 'Samuel', 'Yohanes', 'Benny', 'Hotman', 'Martin', 'Albert', 'Stefanus', 'Ricky', 'Kevin'],
  female: ['Maria', 'Christine', 'Elisabeth', 'Yohana', 'Grace', 'Debora', 'Lydia', 'Sarah', 'Monica', 'Veronika', 'Ruth', 'Natalia'],
};
const ID_MIDDLE: Record<Gender, readonly string[]> = {
  male: ['Rizky', 'Adi', 'Dwi', 'Eko', 'Nur', 'Hadi', 'Setya', 'Budi', 'Arief', 'Yoga', 'Tri', 'Wahyu', 'Fajar'],
  female: ['Ayu', 'Nur', 'Dwi', 'Sri', 'Indah', 'Putri', 'Wahyu', 'Eka', 'Retno', 'Ratih', 'Kurnia', 'Puspa'],
};

export function indonesianName(rng: Rng, gender: Gender): PersonName {
  if (rng.chance(0.1)) {
    const givenName = rng.pick(ID_MONONYM[gender]);
    return { givenName, familyName: '', nameOrder: 'given-only', otherNames: [], community: 'javanese', hereditaryTitle: '', emailLocal: asciiWord(givenName) };
  }
  const clan = rng.chance(0.2);
  let given = rng.pick((clan ? ID_CLAN_FIRST : ID_FIRST)[gender]);
  if (rng.chance(0.3)) {
    const middle = rng.pick(ID_MIDDLE[gender]);
    if (middle !== given) given = `${given} ${middle}`;
  }
  const family = clan ? rng.pick(ID_CLAN) : rng.pick(ID_LAST[gender]);
  const emailLocal = rng.chance(0.6) ? `${asciiWord(last(given))}.${asciiWord(family)}` : asciiWord(last(given)) + asciiWord(family).slice(0, 1);
  return { givenName: given, familyName: family, nameOrder: 'given-family', otherNames: [], community: clan ? 'clan' : 'indonesian', hereditaryTitle: '', emailLocal };
}

// ---- Malay names, shared by Malaysia, Singapore and Brunei
const MALAY_LEAD: Record<Gender, readonly string[]> = {
  male: ['Muhammad', 'Mohd', 'Ahmad', 'Mohamad', 'Muhd'],
  female: ['Nurul', 'Nur', 'Siti', 'Nor', 'Noor'],
};
const MALAY_NAME: Record<Gender, readonly string[]> = {
  male: ['Faizal', 'Hafiz', 'Azlan', 'Khairul', 'Syafiq', 'Hakim', 'Zulkifli', 'Rizal', 'Nazri', 'Shahrul', 'Hisham', 'Azman', 'Ismail', 'Kamarul', 'Firdaus', 'Iskandar', 'Fadzil', 'Haziq', 'Rosli', 'Amir', 'Faris', 'Ariff', 'Zaki', 'Yusof', 'Hafizuddin', 'Aiman', 'Nizam', 'Saiful', 'Redzuan', 'Shahril'],
  female: ['Aini', 'Aisyah', 'Farah', 'Aminah', 'Zainab', 'Noraini', 'Rohana', 'Hasnah', 'Salmah', 'Fatimah', 'Nurhayati', 'Azizah', 'Hidayah', 'Syahirah', 'Nadia', 'Aina', 'Izzati', 'Amalina', 'Suraya', 'Zarina', 'Rosnah', 'Haslinda', 'Atikah', 'Farhana', 'Hazirah', 'Liyana', 'Sabrina', 'Wahidah'],
};
const MALAY_ABDUL = ['Abdul Rahman', 'Abdul Aziz', 'Abdul Razak', 'Abdul Hamid', 'Abdul Karim', 'Abdul Latif', 'Abdul Malik', 'Abdul Halim', 'Abdul Ghani', 'Abdul Wahab'];
const MALAY_FATHER = ['Abdullah', 'Hassan', 'Ismail', 'Ibrahim', 'Yusof', 'Osman', 'Ahmad', 'Mohamed', 'Ali', 'Omar', 'Othman', 'Abdul Rahman', 'Abdul Aziz', 'Hamid', 'Salleh', 'Mahmud', 'Abu Bakar', 'Jaafar', 'Zakaria', 'Harun', 'Sulaiman', 'Idris', 'Kassim', 'Mat', 'Ramli', 'Hashim', 'Yaakob', 'Mustafa', 'Rashid', 'Daud'];

function malayPersonal(rng: Rng, gender: Gender): string {
  const r = rng.next();
  if (gender === 'male' && r < 0.15) return rng.pick(MALAY_ABDUL);
  if (r < 0.55) return `${rng.pick(MALAY_LEAD[gender])} ${rng.pick(MALAY_NAME[gender])}`;
  if (r < 0.8) return rng.sample(MALAY_NAME[gender], 2).join(' ');
  return rng.pick(MALAY_NAME[gender]);
}

/** "Ahmad Faizal bin Abdullah": given-only, the patronymic kept in givenName. */
function malayName(rng: Rng, gender: Gender, haji = { self: 0, father: 0 }): PersonName {
  const personal = (rng.chance(haji.self) ? (gender === 'male' ? 'Haji ' : 'Hajah ') : '') + malayPersonal(rng, gender);
  const father = (rng.chance(haji.father) ? 'Haji ' : '') + (rng.chance(0.5) ? rng.pick(MALAY_FATHER) : malayPersonal(rng, 'male'));
  const givenName = `${personal} ${gender === 'male' ? 'bin' : 'binti'} ${father}`;
  const plain = (s: string) => s.replace(/^Haji |^Hajah /, '');
  const otherNames = rng.chance(0.3) ? [`${plain(personal)} ${plain(father)}`] : [];
  const callName = last(plain(personal));
  const emailLocal = rng.chance(0.5) ? `${asciiWord(callName)}.${asciiWord(last(father))}` : asciiWord(plain(personal));
  return { givenName, familyName: '', nameOrder: 'given-only', otherNames, community: 'malay', hereditaryTitle: '', emailLocal };
}

// ---- Chinese names of Malaysia, Singapore and Brunei: surname in the dialect romanisation,
// then a two-syllable given name; many also use an English name.
const CN_FAMILY: readonly W[] = [
  ['Tan', 10], ['Lim', 8], ['Lee', 7], ['Ng', 5], ['Wong', 6], ['Chong', 4], ['Ong', 4], ['Teh', 3], ['Chan', 4], ['Goh', 3], ['Yap', 3],
  ['Liew', 2], ['Loh', 2], ['Khoo', 2], ['Chin', 2], ['Foo', 2], ['Low', 2], ['Cheah', 2], ['Tay', 2], ['Ooi', 2], ['Leong', 2], ['Yeoh', 2],
  ['Chua', 2], ['Koh', 2], ['Lau', 2], ['Teo', 2], ['Ho', 2], ['Sim', 1], ['Kwok', 1], ['Seah', 1],
];
// Older and Malaysian names use dialect romanisations (Hokkien, Cantonese, Hakka, Teochew);
// younger Singaporeans' names are in Hanyu Pinyin. The two are not mixed within a name.
const CN_DIALECT: Record<Gender, readonly string[]> = {
  male: ['Wei', 'Liang', 'Kah', 'Meng', 'Boon', 'Huat', 'Chee', 'Keong', 'Kok', 'Wai', 'Kit', 'Seng', 'Hock', 'Chun', 'Yong', 'Kian', 'Siong', 'Heng', 'Teck', 'Beng', 'Leong', 'Hong', 'Choon', 'Kiat', 'Soon', 'Tiong'],
  female: ['Mei', 'Ling', 'Siew', 'Lan', 'Soo', 'Fun', 'Hui', 'Min', 'Yee', 'Kim', 'Ai', 'Hoon', 'Choo', 'Peck', 'Geok', 'Bee', 'Lay', 'Swee', 'Poh', 'Yoke', 'Khim', 'Wan'],
};
const CN_PINYIN: Record<Gender, readonly string[]> = {
  male: ['Wei', 'Jun', 'Hao', 'Ming', 'Jia', 'Zhi', 'Yi', 'Jie', 'Kang', 'Hong', 'Xiang', 'Yu', 'Zhen', 'Jian', 'Rui', 'Sheng', 'Cheng', 'Bo'],
  female: ['Xin', 'Yi', 'Jia', 'Hui', 'Min', 'Qi', 'Xuan', 'Ting', 'Jing', 'Yu', 'Wen', 'Shan', 'Ling', 'Li', 'Yan', 'Xiao', 'Qing', 'Rou'],
};
const CN_ENGLISH: Record<Gender, readonly string[]> = {
  male: ['Jason', 'Kelvin', 'Alvin', 'Daniel', 'Eric', 'Steven', 'Vincent', 'Raymond', 'Benjamin', 'Jonathan', 'Marcus', 'Kenneth', 'Terence', 'Desmond', 'Gabriel', 'Ryan'],
  female: ['Michelle', 'Jessica', 'Grace', 'Angela', 'Jennifer', 'Evelyn', 'Karen', 'Joanne', 'Vivian', 'Serene', 'Cheryl', 'Rachel', 'Shirley', 'Audrey', 'Felicia', 'Germaine'],
};

function chineseName(rng: Rng, gender: Gender, englishShare: number, separator: '.' | '_', pinyinShare: number): PersonName {
  const family = rng.weighted(CN_FAMILY);
  const givenName = rng.sample((rng.chance(pinyinShare) ? CN_PINYIN : CN_DIALECT)[gender], 2).join(' ');
  const english = rng.chance(englishShare) ? rng.pick(CN_ENGLISH[gender]) : '';
  const otherNames = english ? [`${english} ${family} ${givenName}`, `${english} ${family}`] : [];
  const first = english ? asciiWord(english) : asciiWord(givenName);
  const emailLocal = `${first}${separator}${asciiWord(family)}`;
  return { givenName, familyName: family, nameOrder: 'family-given', otherNames, community: 'chinese', hereditaryTitle: '', emailLocal };
}

// ---- Indian names of Malaysia and Singapore
const IN_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Ravi', 'Suresh', 'Ganesh', 'Murugan', 'Rajesh', 'Prakash', 'Arun', 'Vijay', 'Selvam', 'Kumaran', 'Anand', 'Saravanan', 'Ramesh', 'Vikram', 'Sanjay', 'Thinesh', 'Kannan', 'Mahendran'],
  female: ['Kavitha', 'Priya', 'Devi', 'Shanti', 'Malathi', 'Revathi', 'Anitha', 'Sangeetha', 'Vasanthi', 'Thilaga', 'Lakshmi', 'Meena', 'Deepa', 'Shalini', 'Indrani', 'Nirmala', 'Geetha', 'Yamuna'],
};
const IN_FATHER = ['Subramaniam', 'Ramasamy', 'Krishnan', 'Muthu', 'Arumugam', 'Rajendran', 'Govindasamy', 'Nadarajah', 'Periasamy', 'Maniam', 'Raman', 'Ganesan', 'Shanmugam', 'Balakrishnan', 'Chandran', 'Supramaniam', 'Veerasamy', 'Palaniappan'];
const SIKH_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Harpreet', 'Gurpreet', 'Jaswant', 'Amarjit', 'Kuldip', 'Manjit'],
  female: ['Harjit', 'Gurmeet', 'Jasvinder', 'Manpreet', 'Parveen', 'Sukhvinder'],
};

/** "Ravi a/l Subramaniam" (Malaysia) or "Ravi s/o Subramaniam" (Singapore): given-only. */
function indianName(rng: Rng, gender: Gender, style: 'my' | 'sg'): PersonName {
  if (rng.chance(0.1)) {
    // Sikh names take Singh or Kaur as a family name.
    const given = rng.pick(SIKH_GIVEN[gender]);
    const family = gender === 'male' ? 'Singh' : 'Kaur';
    return { givenName: given, familyName: family, nameOrder: 'given-family', otherNames: [], community: 'sikh', hereditaryTitle: '', emailLocal: `${asciiWord(given)}.${asciiWord(family)}` };
  }
  const given = rng.pick(IN_GIVEN[gender]);
  const father = rng.pick(IN_FATHER);
  if (style === 'sg' && rng.chance(0.5)) {
    // Many Singaporean Indians file the father's name as a surname: "Anand Balakrishnan".
    return { givenName: given, familyName: father, nameOrder: 'given-family', otherNames: [], community: 'indian', hereditaryTitle: '', emailLocal: `${asciiWord(given)}_${asciiWord(father)}` };
  }
  const link = style === 'my' ? (gender === 'male' ? 'a/l' : 'a/p') : gender === 'male' ? 's/o' : 'd/o';
  const otherNames = rng.chance(0.4) ? [`${given} ${father}`] : [];
  return { givenName: `${given} ${link} ${father}`, familyName: '', nameOrder: 'given-only', otherNames, community: 'indian', hereditaryTitle: '', emailLocal: `${asciiWord(given)}${style === 'sg' ? '_' : '.'}${asciiWord(father)}` };
}

// ---- Malaysia
const IBAN_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Jeffrey', 'Gerald', 'Dennis', 'Felix', 'Johnny', 'Edwin', 'Robert', 'Ambrose'],
  female: ['Mary', 'Jenny', 'Lina', 'Doris', 'Agnes', 'Margaret', 'Rita', 'Helen'],
};
const IBAN_FATHER = ['Jimbun', 'Ngelai', 'Sanggau', 'Unggang', 'Jugah', 'Anyi', 'Entalai', 'Nyipa', 'Linggang', 'Ladi', 'Bujang', 'Sabang'];

export function malaysianName(rng: Rng, gender: Gender): PersonName {
  const community = rng.weighted([['malay', 60], ['chinese', 25], ['indian', 10], ['iban', 5]] as const);
  if (community === 'chinese') return chineseName(rng, gender, 0.35, '.', 0.1);
  if (community === 'indian') return indianName(rng, gender, 'my');
  if (community === 'iban') {
    // Iban names in Sarawak link person and father with "anak" (child of).
    const given = rng.pick(IBAN_GIVEN[gender]);
    const father = rng.pick(IBAN_FATHER);
    return { givenName: `${given} anak ${father}`, familyName: '', nameOrder: 'given-only', otherNames: [], community, hereditaryTitle: '', emailLocal: `${asciiWord(given)}.${asciiWord(father)}` };
  }
  return malayName(rng, gender);
}

// ---- Singapore
const EURASIAN_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Daniel', 'Gerald', 'Brian', 'Christopher', 'Adrian', 'Paul'],
  female: ['Michelle', 'Andrea', 'Claire', 'Denise', 'Natalie', 'Louise'],
};
const EURASIAN_FAMILY = ['De Souza', 'Pereira', 'Rodrigues', 'Fernandez', 'Oliveiro', 'Shepherdson', 'De Silva', 'Gomes', 'Westerhout', 'Sta Maria'];

export function singaporeanName(rng: Rng, gender: Gender): PersonName {
  const community = rng.weighted([['chinese', 74], ['malay', 13], ['indian', 9], ['eurasian', 4]] as const);
  if (community === 'chinese') return chineseName(rng, gender, 0.55, '_', 0.45);
  if (community === 'indian') return indianName(rng, gender, 'sg');
  if (community === 'eurasian') {
    const given = rng.pick(EURASIAN_GIVEN[gender]);
    const family = rng.pick(EURASIAN_FAMILY);
    return { givenName: given, familyName: family, nameOrder: 'given-family', otherNames: [], community, hereditaryTitle: '', emailLocal: `${asciiWord(given)}_${asciiWord(family)}` };
  }
  const malay = malayName(rng, gender);
  return { ...malay, emailLocal: malay.emailLocal.replace('.', '_') };
}

// ---- Philippines: given name(s), middle name (the mother's maiden surname) shown as an
// initial, surname.
const PH_FAMILY = [
  'Santos', 'Reyes', 'Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Tomas', 'Andrada', 'Castillo', 'Flores', 'Villanueva', 'Ramos',
  'Castro', 'Rivera', 'Aquino', 'Navarro', 'Salazar', 'Mercado', 'Dela Cruz', 'De Leon', 'Del Rosario', 'Gonzales', 'Lopez', 'Aguilar', 'Pascual',
  'Soriano', 'Manalo', 'Dimaculangan', 'Macaraeg', 'Lacson', 'Tolentino', 'Magbanua', 'Panganiban', 'Pangilinan', 'Dizon', 'Valdez', 'Javier', 'Sarmiento',
];
const PH_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Jose', 'Juan', 'Mark Anthony', 'John Paul', 'Carlo', 'Ramon', 'Rodrigo', 'Antonio', 'Miguel', 'Emmanuel', 'Rafael', 'Francisco', 'Jerome', 'Christian', 'Joel', 'Ronaldo', 'Edgardo', 'Rolando', 'Manuel', 'Renato', 'Jose Mari', 'Paolo', 'Noel', 'Arnel'],
  female: ['Maria Cristina', 'Maria Teresa', 'Ana Marie', 'Kristine', 'Jennifer', 'Rowena', 'Maricel', 'Lourdes', 'Rosario', 'Josephine', 'Liza', 'Charmaine', 'Grace', 'Joy', 'Maria Luisa', 'Carmela', 'Patricia', 'Bernadette', 'Mylene', 'Angelica', 'Ma. Victoria', 'Cecilia', 'Rhodora', 'Imelda'],
};

export function filipinoName(rng: Rng, gender: Gender): PersonName {
  const given = rng.pick(PH_GIVEN[gender]);
  let family = rng.pick(PH_FAMILY);
  let middle = rng.pick(PH_FAMILY);
  if (middle === family) middle = rng.pick(PH_FAMILY);
  const givenName = `${given} ${initial(middle).toUpperCase()}.`;
  const familyOnly = family;
  if (gender === 'male' && rng.chance(0.06)) family = `${family} Jr.`;
  const otherNames = rng.chance(0.5) ? [`${given} ${middle} ${family}`] : [];
  const initials = given.split(' ').map((w) => initial(w).toLowerCase()).join('');
  const emailLocal = rng.chance(0.5)
    ? `${initials}${initial(middle).toLowerCase()}${asciiWord(familyOnly)}`
    : `${asciiWord(given.split(' ')[0] as string)}.${asciiWord(familyOnly)}`;
  const community = rng.weighted([['tagalog', 60], ['cebuano', 25], ['ilocano', 8], ['hiligaynon', 7]] as const);
  return { givenName, familyName: family, nameOrder: 'given-family', otherNames, community, hereditaryTitle: '', emailLocal };
}

// ---- Brunei: Malay names with Haji/Hajah common; Pengiran is hereditary and passes to the
// father's name too. Awang/Dayang and conferred titles (Dato Paduka...) are honorifics.
export function bruneianName(rng: Rng, gender: Gender): PersonName {
  if (rng.chance(0.1)) return chineseName(rng, gender, 0.3, '.', 0.1);
  const pengiran = rng.chance(0.12);
  const name = malayName(rng, gender, { self: 0.3, father: 0.5 });
  if (!pengiran) return name;
  const givenName = name.givenName.replace(/ (bin|binti) /, ' $1 Pengiran ');
  return { ...name, givenName, hereditaryTitle: 'Pengiran' };
}

// ---- Timor-Leste: Portuguese given names and one or two Portuguese family names.
const TL_GIVEN: Record<Gender, readonly string[]> = {
  male: ['José', 'João', 'Francisco', 'António', 'Manuel', 'Domingos', 'Agostinho', 'Mário', 'Fernando', 'Júlio', 'Armindo', 'Abílio', 'Alfredo', 'Zacarias', 'Cristóvão', 'Joaquim', 'Tomás', 'Lino', 'Martinho', 'Aniceto', 'Ângelo', 'Nélson', 'Rogério', 'Vicente', 'José Maria', 'João Baptista', 'Francisco Xavier', 'Luís Filipe'],
  female: ['Maria', 'Ana', 'Rosa', 'Isabel', 'Joana', 'Filomena', 'Teresa', 'Madalena', 'Natália', 'Lúcia', 'Albertina', 'Ermelinda', 'Olinda', 'Graciana', 'Aurora', 'Cidália', 'Felismina', 'Rosália', 'Maria de Fátima', 'Maria da Conceição', 'Ana Paula', 'Maria do Céu', 'Maria Odete', 'Maria Imaculada'],
};
const TL_FAMILY = [
  'Soares', 'da Costa', 'Guterres', 'dos Santos', 'Pereira', 'Ximenes', 'Belo', 'da Silva', 'Freitas', 'Martins', 'Fernandes', 'de Araújo', 'do Amaral',
  'Sarmento', 'Pinto', 'de Jesus', 'Alves', 'de Carvalho', 'da Cruz', 'Mendonça', 'Lobato', 'Boavida', 'Correia', 'Gomes', 'Barreto', 'Gusmão',
  'Tilman', 'Hornay', 'Noronha', 'Sequeira', 'de Sousa', 'do Rosário', 'Magno', 'Moniz', 'Tavares', 'Cabral',
];

export function timoreseName(rng: Rng, gender: Gender): PersonName {
  const given = rng.pick(TL_GIVEN[gender]);
  const families = rng.chance(0.6) ? rng.sample(TL_FAMILY, 2) : [rng.pick(TL_FAMILY)];
  const familyName = families.join(' ');
  const full = `${given} ${familyName}`;
  // English-language documents often drop the accents: "Jose da Costa Soares".
  const otherNames = stripDiacritics(full) !== full && rng.chance(0.7) ? [stripDiacritics(full)] : [];
  const emailLocal = `${asciiWord(given.split(' ')[0] as string)}.${asciiWord(last(familyName))}`;
  return { givenName: given, familyName, nameOrder: 'given-family', otherNames, community: 'timorese', hereditaryTitle: '', emailLocal };
}
