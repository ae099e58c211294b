/**
 * Language codes a record may carry: every ISO 639-1 code, plus the ISO 639-3 codes of
 * languages of the region that have no two-letter code (Filipino, Tetum and the regional
 * languages of the Philippines, Malaysia and Indonesia). A code outside this list is a
 * typing mistake or made up, and is refused rather than shown as a blank language.
 */
const iso6391 =
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
  'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko ' +
  'kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa ' +
  'pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ' +
  'ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';

/**
 * ISO 639-3, languages of the region without a two-letter code that the app can name
 * (Intl.DisplayNames knows them): Filipino, Tetum, Cebuano, Ilocano, Hiligaynon, Iban,
 * Bikol, Waray, Kapampangan, Pangasinan, Balinese, Minangkabau, Buginese, Madurese,
 * Acehnese, Banjar, Sasak, Makasar, Hmong, Shan, Kachin, Cantonese, Min Nan, Hakka, Mandarin.
 */
const iso6393Regional = 'fil tet ceb ilo hil iba bik war pam pag ban min bug mad ace bjn sas mak hmn shn kac yue nan hak cmn';

export const languageCodes: ReadonlySet<string> = new Set([...iso6391.split(' '), ...iso6393Regional.split(' ')]);

export const isLanguageCode = (code: string): boolean => languageCodes.has(code);

const languageNamers = new Map<'en' | 'id', Intl.DisplayNames | null>();
/**
 * A language's name in English or Bahasa Indonesia ("vi" → "Vietnamese" / "Vietnam"), or its
 * code when the runtime cannot name it: the one naming the app's screens and its figures share.
 * English is British English, as the app's dates are.
 */
export function languageName(lang: 'en' | 'id', code: string): string {
  if (!languageNamers.has(lang)) {
    try {
      languageNamers.set(lang, new Intl.DisplayNames([lang === 'id' ? 'id-ID' : 'en-GB'], { type: 'language', fallback: 'none' }));
    } catch {
      languageNamers.set(lang, null);
    }
  }
  try {
    return languageNamers.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}
