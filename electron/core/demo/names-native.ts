/**
 * The native-script spelling of every name part the demo uses for Thailand, Lao PDR, Cambodia
 * and Myanmar, keyed by the romanised spelling names-mainland.ts picks. A demo expert's native
 * name is composed from the same parts as the romanised one, so สมชาย ศรีสุข is always the
 * person romanised "Somchai Sisuk", never a random Thai string.
 *
 * Thai surnames are coinages of Pali/Sanskrit morphemes written as one word, so a composed
 * surname is its morphemes' spellings run together (ศรี + สุข = ศรีสุข), as real ones are.
 * Lao composed surnames likewise. Myanmar names are syllables, written without spaces.
 */

export const TH_GIVEN_NATIVE: Record<string, string> = {
  Somchai: 'สมชาย', Somsak: 'สมศักดิ์', Surachai: 'สุรชัย', Anan: 'อนันต์', Prasoet: 'ประเสริฐ', Wichai: 'วิชัย',
  Chaiwat: 'ชัยวัฒน์', Kittiphong: 'กิตติพงศ์', Thanakon: 'ธนากร', Natthaphong: 'ณัฐพงศ์', Aphichat: 'อภิชาติ',
  Phongsak: 'พงศ์ศักดิ์', Sakchai: 'ศักดิ์ชัย', Thirawat: 'ธีรวัฒน์', Wirot: 'วิโรจน์', Somphong: 'สมพงษ์', Bunchai: 'บุญชัย',
  Chatchai: 'ฉัตรชัย', Panya: 'ปัญญา', Suphachai: 'ศุภชัย', Thawatchai: 'ธวัชชัย', Phichit: 'พิชิต',
  Yutthana: 'ยุทธนา', Sombat: 'สมบัติ', Narongrit: 'ณรงค์ฤทธิ์', Worawut: 'วรวุฒิ', Prawit: 'ประวิตร',
  Kriangkrai: 'เกรียงไกร', Ekkachai: 'เอกชัย', Sutthiphong: 'สุทธิพงศ์', Athit: 'อาทิตย์', Phiphat: 'พิพัฒน์',
  Siriphon: 'ศิริพร', Suda: 'สุดา', Mali: 'มาลี', Wanida: 'วนิดา', Phonthip: 'พรทิพย์', Kanokwan: 'กนกวรรณ',
  Natthaya: 'ณัฐยา', Rattana: 'รัตนา', Suphaphon: 'สุภาพร', Duangchai: 'ดวงใจ', Phimchanok: 'พิมพ์ชนก',
  Chanida: 'ชนิดา', Sunisa: 'สุนิสา', Orathai: 'อรทัย', Chiraphon: 'จิราพร', Kunthida: 'กุลธิดา', Wilai: 'วิไล',
  Aruni: 'อรุณี', Thitima: 'ฐิติมา', Phatcharaphon: 'พัชราภรณ์', Nongluk: 'นงลักษณ์', Saowani: 'เสาวนีย์',
  Kannika: 'กรรณิกา', Waruni: 'วารุณี', Prani: 'ปราณี', Ladda: 'ลัดดา', Phensi: 'เพ็ญศรี', Chintana: 'จินตนา',
  Yuphin: 'ยุพิน', Thatsani: 'ทัศนีย์', Sasithon: 'ศศิธร', Phawinee: 'ภาวินี',
};

export const TH_FAMILY_HEAD_NATIVE: Record<string, string> = {
  Si: 'ศรี', Wong: 'วงศ์', Chai: 'ชัย', Suwanna: 'สุวรรณ', Rattana: 'รัตน', Kaeo: 'แก้ว', Thong: 'ทอง',
  Bun: 'บุญ', Siri: 'ศิริ', Phrom: 'พรหม', Intha: 'อินท', Chanthra: 'จันทร', Kitti: 'กิตติ', Phatthana: 'พัฒน',
  Sombat: 'สมบัติ', Saeng: 'แสง', Charoen: 'เจริญ', Sombun: 'สมบูรณ์', Phanit: 'พาณิช', Watthana: 'วัฒน',
  Rung: 'รุ่ง', Anan: 'อนันต์', Thep: 'เทพ', Chok: 'โชค', Rueang: 'เรือง', Khong: 'คง', Thana: 'ธน', Sutthi: 'สุทธิ',
};

export const TH_FAMILY_TAIL_NATIVE: Record<string, string> = {
  suk: 'สุข', sawat: 'สวัสดิ์', wong: 'วงศ์', phon: 'พร', rat: 'รัตน์', kun: 'กุล', siri: 'ศิริ', chai: 'ชัย',
  phong: 'พงศ์', thong: 'ทอง', wat: 'วัฒน์', sak: 'ศักดิ์', di: 'ดี', kham: 'คำ', ngam: 'งาม', sombat: 'สมบัติ',
  charoen: 'เจริญ', rueang: 'เรือง', sin: 'สิน', phaibun: 'ไพบูลย์', chit: 'จิตร', sakun: 'สกุล',
  phanit: 'พาณิชย์', mongkhon: 'มงคล', wiwat: 'วิวัฒน์', chinda: 'จินดา', sathit: 'สถิตย์', kit: 'กิจ',
};

/** Sino-Thai surnames: แซ่ (clan) and the clan name as Thais write it. */
export const TH_SAE_NATIVE: Record<string, string> = {
  'Sae-tang': 'แซ่ตั้ง', 'Sae-lim': 'แซ่ลิ้ม', 'Sae-ung': 'แซ่อึ้ง', 'Sae-heng': 'แซ่เฮง', 'Sae-tia': 'แซ่เตีย', 'Sae-li': 'แซ่ลี้',
};

/** Lao given names, fixed surnames and the parts of composed surnames. */
export const LA_NATIVE: Record<string, string> = {
  // given names
  Souksavanh: 'ສຸກສະຫວັນ', Bounmy: 'ບຸນມີ', Khamphay: 'ຄຳໄພ', Somphone: 'ສົມພອນ', Phonesavanh: 'ພອນສະຫວັນ',
  Viengkham: 'ວຽງຄຳ', Thongsavanh: 'ທອງສະຫວັນ', Bouasone: 'ບົວສອນ', Sisavath: 'ສີສະຫວາດ', Khamla: 'ຄຳຫຼ້າ',
  Somsanouk: 'ສົມສະໜຸກ', Vilay: 'ວິໄລ', Kongkeo: 'ກອງແກ້ວ', Sithong: 'ສີທອງ', Anousone: 'ອານຸສອນ', Phouvong: 'ພູວົງ',
  Khamphou: 'ຄຳພູ', Bounthanh: 'ບຸນທັນ', Soulivong: 'ສຸລິວົງ', Thongphanh: 'ທອງພັນ', Vanxay: 'ວັນໄຊ',
  Xaysomphone: 'ໄຊສົມພອນ', Somsack: 'ສົມສັກ', Bounleuth: 'ບຸນເລີດ', Khamsing: 'ຄຳສິງ', Saysamone: 'ໄຊສະໝອນ',
  Thongchanh: 'ທອງຈັນ', Outhay: 'ອຸໄທ',
  Kesone: 'ເກສອນ', Manivanh: 'ມະນີວັນ', Souphaphone: 'ສຸພາພອນ', Vilayvanh: 'ວິໄລວັນ', Chanthala: 'ຈັນທະລາ',
  Phonethip: 'ພອນທິບ', Davone: 'ດາວອນ', Sengdao: 'ແສງດາວ', Viengsavanh: 'ວຽງສະຫວັນ', Malayvanh: 'ມາໄລວັນ',
  Phetsamone: 'ເພັດສະໝອນ', Thipphavanh: 'ທິບພະວັນ', Bouakham: 'ບົວຄຳ', Sengchanh: 'ແສງຈັນ', Anousa: 'ອານຸສາ',
  Souksakhone: 'ສຸກສາຄອນ', Latsamy: 'ລັດສະໝີ', Chanthaly: 'ຈັນທະລີ', Sisomphone: 'ສີສົມພອນ', Amphone: 'ອຳພອນ',
  Bounmala: 'ບຸນມາລາ', Khamphet: 'ຄຳເພັດ', Vanida: 'ວານິດາ', Noudeng: 'ນູແດງ', Phaivanh: 'ໄພວັນ', Sommany: 'ສົມມະນີ',
  // fixed surnames
  Phommachanh: 'ພົມມະຈັນ', Sisouphanh: 'ສີສຸພັນ', Vongphachanh: 'ວົງພະຈັນ', Keomany: 'ແກ້ວມະນີ', Sayavong: 'ໄຊຍະວົງ',
  Phommasack: 'ພົມມະສັກ', Inthavong: 'ອິນທະວົງ', Siharath: 'ສີຫາລາດ', Xaysana: 'ໄຊສະນະ', Chanthavong: 'ຈັນທະວົງ',
  Sengsouvanh: 'ແສງສຸວັນ', Douangchak: 'ດວງຈັກ', Phetsomphou: 'ເພັດສົມພູ', Luangrath: 'ຫຼວງລາດ', Vongsay: 'ວົງໄຊ',
  Sysavath: 'ສີສະຫວາດ', Thammavong: 'ທຳມະວົງ', Phanthavong: 'ພັນທະວົງ', Manivong: 'ມະນີວົງ', Souvannavong: 'ສຸວັນນະວົງ',
  Keovilay: 'ແກ້ວວິໄລ', Sipaseuth: 'ສີປະເສີດ', Xayavong: 'ໄຊຍະວົງ', Soukhaseum: 'ສຸຂະເສີມ', Phimmasone: 'ພິມມະສອນ',
  Khounvilay: 'ຄູນວິໄລ', Vilaysack: 'ວິໄລສັກ', Bounyavong: 'ບຸນຍະວົງ', Phengsavanh: 'ເພັງສະຫວັນ', Sengdara: 'ແສງດາລາ',
  Inthapanya: 'ອິນທະປັນຍາ', Sounthala: 'ສຸນທະລາ', Latsavong: 'ລາດສະວົງ', Chanthalangsy: 'ຈັນທະລັງສີ', Phoumavong: 'ພູມມະວົງ',
  Sihalath: 'ສີຫາລາດ', Vorachith: 'ວໍລະຈິດ', Kommadam: 'ກົມມະດຳ', Southammavong: 'ສຸດທຳມະວົງ', Syvongsa: 'ສີວົງສາ',
  // heads and tails of composed surnames
  Phomma: 'ພົມມະ', Vong: 'ວົງ', Souvanna: 'ສຸວັນນະ', Keo: 'ແກ້ວ', Sy: 'ສີ', Chantha: 'ຈັນທະ', Phet: 'ເພັດ', Xay: 'ໄຊ',
  Bounma: 'ບຸນມາ', Intha: 'ອິນທະ', Siri: 'ສິລິ', Khamma: 'ຄຳມະ', Seng: 'ແສງ', Outha: 'ອຸທະ',
  chanh: 'ຈັນ', vong: 'ວົງ', sack: 'ສັກ', savath: 'ສະຫວາດ', phanh: 'ພັນ', vilay: 'ວິໄລ', sone: 'ສອນ', thala: 'ທະລາ',
  savanh: 'ສະຫວັນ', rath: 'ລາດ', souk: 'ສຸກ', mixay: 'ມີໄຊ', vanh: 'ວັນ', phone: 'ພອນ',
};

/** Khmer family and given names. */
export const KH_NATIVE: Record<string, string> = {
  Sok: 'សុខ', Chea: 'ជា', Heng: 'ហេង', Kim: 'គីម', Chan: 'ចាន់', Keo: 'កែវ', Sao: 'សៅ', Meas: 'មាស', Ly: 'លី', Chhay: 'ឆាយ',
  Phan: 'ផាន', Pich: 'ពេជ្រ', Seng: 'សេង', Touch: 'ទូច', Ouk: 'អ៊ុក', Mao: 'ម៉ៅ', Prak: 'ប្រាក់', Hem: 'ហែម', Sam: 'សំ',
  Yim: 'យឹម', Nhem: 'ញឹម', Tep: 'ទេព', Long: 'ឡុង', Vann: 'វ៉ាន់', Khiev: 'ខៀវ', Ros: 'រស់', Men: 'ម៉ែន', Chum: 'ជុំ',
  Som: 'សោម', Nuon: 'នួន', Oum: 'អ៊ុំ', Sun: 'ស៊ុន', Thach: 'ថាច់', Kong: 'គង់', Say: 'សាយ', Huot: 'ហួត', Lim: 'លឹម',
  Ngin: 'ងិន', Soeung: 'ស៊ឹង', Tith: 'ទិត្យ', Uy: 'អ៊ុយ',
  Sophal: 'សុផល', Dara: 'ដារ៉ា', Vannak: 'វណ្ណៈ', Rithy: 'ឫទ្ធី', Sokha: 'សុខា', Sovann: 'សុវណ្ណ', Vuthy: 'វុទ្ធី',
  Sothea: 'សុធា', Bunthoeun: 'ប៊ុនធឿន', Kosal: 'កុសល', Sambath: 'សម្បត្តិ', Piseth: 'ពិសិដ្ឋ', Visal: 'វិសាល',
  Veasna: 'វាសនា', Samnang: 'សំណាង', Sopheak: 'សុភ័ក្ត្រ', Chanthy: 'ចាន់ធី', Sarin: 'សារិន', Vibol: 'វិបុល',
  Virak: 'វីរៈ', Ratanak: 'រតនៈ', Boren: 'បូរ៉ែន', Makara: 'មករា', Pheakdey: 'ភក្តី', Sokhom: 'សុខុម',
  Narith: 'ណារិទ្ធ', Sovannarith: 'សុវណ្ណារិទ្ធ', Vichet: 'វិចិត្រ', Bunna: 'ប៊ុណ្ណា', Chamroeun: 'ចំរើន',
  Sreymom: 'ស្រីមុំ', Sophea: 'សុភា', Channary: 'ចាន់ណារី', Bopha: 'បុប្ផា', Sokunthea: 'សុគន្ធា', Chenda: 'ចិន្តា',
  Leakhena: 'លក្ខិណា', Sreyneang: 'ស្រីនាង', Thida: 'ធីតា', Malis: 'ម្លិះ', Kunthea: 'គន្ធា', Sopheap: 'សុភាព',
  Pisey: 'ពិសី', Kanha: 'កញ្ញា', Rachana: 'រចនា', Sreypov: 'ស្រីពៅ', Davy: 'ដាវី', Nary: 'ណារី', Monyrath: 'មុន្នីរ័ត្ន',
  Sophany: 'សុផានី', Raksmey: 'រស្មី', Chanthou: 'ចាន់ធូ', Sreyleak: 'ស្រីល័ក្ខ', Sophorn: 'សុភ័ណ', Vanny: 'វណ្ណី',
  Lida: 'លីដា', Sotheary: 'សុធារី', Sokhany: 'សុខានី', Kolab: 'កុលាប', Romduol: 'រំដួល',
};

/** Myanmar name parts (a syllable, or a word of two or three: Sithu, Yadanar) in Myanmar script. */
export const MM_NATIVE: Record<string, string> = {
  Aung: 'အောင်', Kyaw: 'ကျော်', Moe: 'မိုး', Min: 'မင်း', Zaw: 'ဇော်', Htet: 'ထက်', Thant: 'သန့်', Naing: 'နိုင်',
  Soe: 'စိုး', Win: 'ဝင်း', Tun: 'ထွန်း', Oo: 'ဦး', Lwin: 'လွင်', Myint: 'မြင့်', Thein: 'သိန်း', Htun: 'ထွန်း', Zin: 'ဇင်',
  Ko: 'ကို', Nyi: 'ညီ', Phyo: 'ဖြိုး', Wai: 'ဝေ', Yan: 'ရန်', Thura: 'သူရ', Lin: 'လင်း', Myo: 'မျိုး', Khant: 'ခန့်',
  Hein: 'ဟိန်း', Thet: 'သက်', Paing: 'ပိုင်', Sithu: 'စည်သူ', Zeya: 'ဇေယျ', Hla: 'လှ', Maung: 'မောင်', Than: 'သန်း',
  Nay: 'နေ', Kyi: 'ကြည်', Tin: 'တင်', Htoo: 'ထူး', Chit: 'ချစ်',
  Khin: 'ခင်', Thandar: 'သန္တာ', Myat: 'မြတ်', Noe: 'နိုး', Thiri: 'သီရိ', Su: 'စု', Hnin: 'နှင်း', Ei: 'အိ', Phyu: 'ဖြူ',
  Nilar: 'နီလာ', May: 'မေ', Yadanar: 'ရတနာ', Thuzar: 'သူဇာ', Nwe: 'နွယ်', Mya: 'မြ', Aye: 'အေး', San: 'စန်း',
  Sandar: 'စန္ဒာ', Htwe: 'ထွေး', Khaing: 'ခိုင်', Zar: 'ဇာ', Yin: 'ယဉ်', Cho: 'ချို', Nandar: 'နန္ဒာ', Shwe: 'ရွှေ',
  Pwint: 'ပွင့်', Hsu: 'ဆု', Yee: 'ရည်', Thin: 'သင်း', Wint: 'ဝင့်', Kay: 'ကေ', Hlaing: 'လှိုင်', Ohn: 'အုန်း',
};
