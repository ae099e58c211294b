import type { CountryCode } from '../../../shared/model/countries';
import type { Gender } from './names';
import type { Rng } from './prng';

/**
 * The honorific an expert is introduced with, by each country's practice: academic titles
 * (Dr., Prof., Indonesia's Ir. and Drs./Dra.), conferred titles (Malaysia's Dato', Brunei's
 * Dato Paduka), forms of address (Myanmar's U/Daw/Ko/Ma, Brunei's Awang/Dayang, Cambodia's
 * H.E. for senior officials) and professional ones (the Philippines' Atty., Engr., Usec.).
 */
export interface HonorificInput {
  country: CountryCode;
  gender: Gender;
  /** Naming tradition from names.ts; Brunei's Awang and Dayang are for Malay names only. */
  community: string;
  hereditaryTitle: string;
  years: number;
  rank: string;
  seniority: number;
  professor: boolean;
  phd: boolean;
  engineer: boolean;
  lawyer: boolean;
  earlyGraduate: boolean;
}

function academic(h: HonorificInput, associate = 'Assoc. Prof. Dr.', full = 'Prof. Dr.'): string {
  if (h.professor) return h.rank === 'Professor' ? full : associate;
  return h.phd ? 'Dr.' : '';
}

export function honorificFor(rng: Rng, h: HonorificInput): string {
  const male = h.gender === 'male';
  const senior = h.seniority <= 0.2 && h.years >= 20;
  switch (h.country) {
    case 'MM':
      if (h.phd) return 'Dr.';
      return h.years >= 10 ? (male ? 'U' : 'Daw') : male ? 'Ko' : 'Ma';
    case 'BN':
      if (senior && rng.chance(0.35)) return (male ? rng.pick(['Dato Paduka', 'Dato Seri Setia']) : 'Datin Paduka') + (h.phd ? ' Dr.' : '');
      if (h.hereditaryTitle) return h.hereditaryTitle;
      if (h.phd) return 'Dr.';
      if (h.community !== 'malay') return '';
      return male ? 'Awang' : 'Dayang';
    case 'MY': {
      const title = senior && rng.chance(0.3) ? (rng.chance(0.1) ? 'Tan Sri' : rng.pick(["Dato'", 'Datuk'])) : '';
      const degree = h.professor ? academic(h) : h.phd ? 'Dr.' : h.engineer && rng.chance(0.3) ? 'Ir.' : '';
      return [title, degree].filter(Boolean).join(' ');
    }
    case 'ID':
      if (h.professor || h.phd) return academic(h, 'Dr.');
      if (h.engineer && rng.chance(0.5)) return 'Ir.';
      if (h.earlyGraduate && rng.chance(0.2)) return male ? 'Drs.' : 'Dra.';
      return '';
    case 'SG':
      if (h.professor) return h.rank === 'Professor' ? 'Prof.' : 'Assoc. Prof.';
      return h.phd ? 'Dr.' : '';
    case 'PH':
      if (h.rank === 'Undersecretary') return 'Usec.';
      if (h.rank === 'Assistant Secretary') return 'Asec.';
      if (h.lawyer) return 'Atty.';
      if (h.professor) return h.phd ? 'Prof. Dr.' : 'Prof.';
      if (h.phd) return 'Dr.';
      return h.engineer ? 'Engr.' : '';
    case 'KH': {
      const excellency = h.rank.includes('Secretary of State') || (h.rank === 'Director General' && rng.chance(0.4));
      return [excellency ? 'H.E.' : '', h.phd ? 'Dr.' : ''].filter(Boolean).join(' ');
    }
    case 'TL':
      if (h.phd) return male ? 'Dr.' : 'Dra.';
      if (h.engineer) return 'Eng.';
      return h.lawyer && rng.chance(0.5) ? 'Lic.' : '';
    default: // TH, VN, LA
      return academic(h);
  }
}
