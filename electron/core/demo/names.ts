import type { CountryCode } from '../../../shared/model/countries';
import type { NameOrder } from '../../../shared/model/expert';
import { cambodianName, laoName, myanmarName, thaiName, vietnameseName } from './names-mainland';
import { bruneianName, filipinoName, indonesianName, malaysianName, singaporeanName, timoreseName } from './names-maritime';
import type { Rng } from './prng';

/**
 * Names true to each member state's conventions. Choices worth knowing:
 * - Viet Nam, Cambodia, and Chinese names in Malaysia, Singapore and Brunei are 'family-given'
 *   ("Nguyễn Văn Hùng", "Sok Sophal", "Tan Wei Ming"); the Vietnamese middle name (Văn, Thị...)
 *   belongs to givenName.
 * - Myanmar names have no family name: 'given-only', familyName ''.
 * - Malay and Bruneian names ("Ahmad Faizal bin Abdullah") and Malaysian/Singaporean Indian
 *   names with a/l, a/p, s/o, d/o are 'given-only' with the whole name in givenName: the part
 *   after bin/binti is the father's name, not a surname, so it must neither sort nor be
 *   addressed as one. The form without "bin" often goes in otherNames.
 * - Indonesian mononyms ("Sutrisno") are 'given-only'; for other Indonesians the last name is
 *   familyName, as passports and most registries file it, though it is often not inherited.
 * - Filipino names carry the middle initial (mother's maiden surname) in givenName, so the
 *   display is "Maria Cristina D. Santos"; the spelled-out middle name is an other name.
 */

export type Gender = 'female' | 'male';

export interface PersonName {
  givenName: string;
  familyName: string;
  nameOrder: NameOrder;
  otherNames: string[];
  /** Which naming tradition inside the country ('malay', 'chinese', 'indian'...); drives languages. */
  community: string;
  /** A hereditary title the person is addressed by (Brunei's Pengiran), else ''. */
  hereditaryTitle: string;
  /** ASCII local part of an e-mail address, as the person's agency would form it. */
  emailLocal: string;
  /**
   * The same name in the country's own script where it is not Latin (Thailand, Lao PDR,
   * Cambodia, Myanmar), composed from the same parts: "Somchai Sisuk" is สมชาย ศรีสุข.
   */
  native?: string;
}

export type NameMaker = (rng: Rng, gender: Gender) => PersonName;

export const nameMakers: Record<CountryCode, NameMaker> = {
  BN: bruneianName,
  KH: cambodianName,
  ID: indonesianName,
  LA: laoName,
  MY: malaysianName,
  MM: myanmarName,
  PH: filipinoName,
  SG: singaporeanName,
  TH: thaiName,
  VN: vietnameseName,
  TL: timoreseName,
};

export function personName(rng: Rng, country: CountryCode, gender: Gender): PersonName {
  return nameMakers[country](rng, gender);
}
