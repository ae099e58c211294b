/** The 11 ASEAN member states, by ISO 3166-1 alpha-2 code. Timor-Leste joined in October 2025. */
export const countryCodes = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'] as const;
export type CountryCode = (typeof countryCodes)[number];

export const countryNames: Record<CountryCode, { en: string; id: string }> = {
  BN: { en: 'Brunei Darussalam', id: 'Brunei Darussalam' },
  KH: { en: 'Cambodia', id: 'Kamboja' },
  ID: { en: 'Indonesia', id: 'Indonesia' },
  LA: { en: 'Lao PDR', id: 'Laos' },
  MY: { en: 'Malaysia', id: 'Malaysia' },
  MM: { en: 'Myanmar', id: 'Myanmar' },
  PH: { en: 'Philippines', id: 'Filipina' },
  SG: { en: 'Singapore', id: 'Singapura' },
  TH: { en: 'Thailand', id: 'Thailand' },
  VN: { en: 'Viet Nam', id: 'Vietnam' },
  TL: { en: 'Timor-Leste', id: 'Timor-Leste' },
};

/** A country's name in English or Bahasa Indonesia, or its code when it is not an ASEAN member's: the one naming the app, its documents and its figures share. */
export function countryName(lang: 'en' | 'id', code: string): string {
  return countryNames[code as CountryCode]?.[lang] ?? code;
}
