import type { CountryCode } from '../../../shared/model/countries';
import type { Role } from '../../../shared/sync/protocol';
import type { Rng } from './prng';

/**
 * The demo vetting team: clearly fictional people ("(demo)" in every name, addresses at
 * example.org), with the agencies, countries and expertise the reviewer pool and the
 * conflict-of-interest rules need. Ids are drawn from the seed, so a seed gives the same team.
 */
export interface DemoUser {
  key: string;
  id: string;
  fields: {
    name: string;
    email: string;
    role: Role;
    country: CountryCode | null;
    agency: string;
    expertise: string[];
    declaredConflicts: string[];
    disabled: boolean;
    deletedAt: null;
  };
}

const team: [key: string, name: string, role: Role, country: CountryCode | null, agency: string, expertise: string[]][] = [
  ['curator', 'Rina Kusuma (demo)', 'curator', null, 'ACCSM Secretariat (demo)', ['hrm', 'competency']],
  ['curator2', 'Minh Tran (demo)', 'curator', null, 'ACCSM Secretariat (demo)', ['performance']],
  ['arif', 'Arif Hidayat (demo)', 'reviewer', 'ID', 'National Civil Service Agency (demo)', ['hrm', 'hrm.recruitment']],
  ['maria', 'Maria Santos (demo)', 'reviewer', 'PH', 'Civil Service Commission (demo)', ['competency', 'competency.assessment']],
  ['nattapong', 'Nattapong Srisuk (demo)', 'reviewer', 'TH', 'Office of the Civil Service Commission (demo)', ['performance']],
  ['weiling', 'Lim Wei Ling (demo)', 'reviewer', 'SG', 'Civil Service College (demo)', ['hrm.workforce-planning', 'competency.digital-skills']],
  ['hoa', 'Nguyen Thi Hoa (demo)', 'reviewer', 'VN', 'Ministry of Home Affairs (demo)', ['hrm.remuneration', 'performance']],
  ['somsak', 'Somsak Chaiyo (demo)', 'focal_point', 'TH', 'Office of the Civil Service Commission (demo)', []],
];

/** A record id (uuid v7 layout) from the seed: time part `ms`, the rest from the generator. */
export function demoId(rng: Rng, ms: number): string {
  const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0').slice(-digits);
  const time = hex(Math.floor(ms), 12);
  const r = () => hex(rng.u32(), 8);
  const a = r();
  const b = r();
  const c = r();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${a.slice(0, 3)}-${((parseInt(a[3]!, 16) & 0x3) | 0x8).toString(16)}${a.slice(4, 7)}-${b}${c.slice(0, 4)}`;
}

export function demoTeam(rng: Rng, ms: number): DemoUser[] {
  return team.map(([key, name, role, country, agency, expertise]) => ({
    key,
    id: demoId(rng, ms),
    fields: {
      name,
      email: `${key}.demo@example.org`,
      role,
      country,
      agency,
      expertise,
      // One reviewer declared a conflict with an agency, so the demo shows the rule at work.
      declaredConflicts: key === 'hoa' ? ['Ministry of Education and Training'] : [],
      disabled: false,
      deletedAt: null,
    },
  }));
}
