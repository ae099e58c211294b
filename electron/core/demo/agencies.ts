import type { CountryCode } from '../../../shared/model/countries';

/**
 * Civil-service agencies, ministries, academies and universities of each member state, with
 * the top-level taxonomy domains they mostly work on (so an expert's expertise fits their
 * employer). Names are the English ones the agencies use themselves.
 *
 * `slug` builds the demo e-mail domain `<slug>.gov.example` (or `.edu.example` for
 * universities). `.example` is reserved by RFC 2606 and never resolves, so no generated
 * address can reach a real mailbox — unlike `example.gov`, which is not reserved.
 */
export type AgencyKind = 'gov' | 'academy' | 'university';

export interface Agency {
  name: string;
  slug: string;
  kind: AgencyKind;
  focus: readonly string[];
  /** How many experts, relative to the country's other agencies, come from here. */
  weight: number;
  /** False for names that read wrongly after "the" ("Chulalongkorn University"). */
  article?: boolean;
}

const a = (name: string, slug: string, kind: AgencyKind, focus: string[], weight = 1, article = true): Agency => ({ name, slug, kind, focus, weight, article });

export const agencies: Record<CountryCode, readonly Agency[]> = {
  ID: [
    a('National Civil Service Agency (BKN)', 'bkn', 'gov', ['hrm', 'competency', 'digital', 'performance'], 4),
    a('Ministry of State Apparatus Utilization and Bureaucratic Reform (KemenPANRB)', 'menpan', 'gov', ['reform', 'org-design', 'service-delivery', 'performance'], 3),
    a('National Institute of Public Administration (LAN)', 'lan', 'academy', ['learning', 'leadership', 'policy', 'competency'], 3),
    a('Ministry of Finance', 'kemenkeu', 'gov', ['pfm', 'performance', 'integrity']),
    a('Ministry of National Development Planning (Bappenas)', 'bappenas', 'gov', ['policy', 'mne', 'pfm']),
    a('Corruption Eradication Commission (KPK)', 'kpk', 'gov', ['integrity']),
    a('Ombudsman of the Republic of Indonesia', 'ombudsman', 'gov', ['service-delivery', 'integrity']),
    a('Ministry of Home Affairs', 'kemendagri', 'gov', ['reform', 'service-delivery', 'regulatory']),
    a('Ministry of Women Empowerment and Child Protection', 'kemenpppa', 'gov', ['gender']),
    a('Ministry of Communication and Digital Affairs (Komdigi)', 'komdigi', 'gov', ['digital']),
    a('Universitas Indonesia, Faculty of Administrative Science', 'ui', 'university', ['policy', 'reform', 'hrm'], 1, false),
    a('Universitas Gadjah Mada, Department of Public Policy and Management', 'ugm', 'university', ['policy', 'mne', 'knowledge'], 1, false),
  ],
  MY: [
    a('Public Service Department (JPA)', 'jpa', 'gov', ['hrm', 'competency', 'performance', 'reform'], 4),
    a('National Institute of Public Administration (INTAN)', 'intan', 'academy', ['learning', 'leadership', 'knowledge'], 3),
    a('National Digital Department (JDN)', 'jdn', 'gov', ['digital', 'service-delivery']),
    a('Malaysian Anti-Corruption Commission (MACC)', 'sprm', 'gov', ['integrity']),
    a('Ministry of Finance', 'mof-my', 'gov', ['pfm']),
    a('Public Complaints Bureau', 'bpa', 'gov', ['service-delivery']),
    a('Implementation Coordination Unit, Prime Minister\'s Department', 'icu', 'gov', ['mne', 'policy']),
    a('Malaysia Productivity Corporation', 'mpc', 'gov', ['regulatory', 'service-delivery']),
    a('Ministry of Women, Family and Community Development', 'kpwkm', 'gov', ['gender']),
    a('Universiti Malaya, Faculty of Business and Economics', 'um', 'university', ['policy', 'hrm', 'pfm'], 1, false),
  ],
  SG: [
    a('Public Service Division, Prime Minister\'s Office', 'psd', 'gov', ['hrm', 'leadership', 'reform', 'performance'], 3),
    a('Civil Service College', 'csc-sg', 'academy', ['learning', 'leadership', 'policy', 'knowledge'], 3),
    a('Government Technology Agency (GovTech)', 'govtech', 'gov', ['digital', 'service-delivery'], 2),
    a('Corrupt Practices Investigation Bureau (CPIB)', 'cpib', 'gov', ['integrity']),
    a('Ministry of Finance', 'mof-sg', 'gov', ['pfm', 'performance']),
    a('Ministry of Manpower', 'mom', 'gov', ['hrm', 'gender']),
    a('Lee Kuan Yew School of Public Policy, National University of Singapore', 'lkyspp', 'university', ['policy', 'mne', 'leadership'], 2, false),
  ],
  PH: [
    a('Civil Service Commission', 'csc-ph', 'gov', ['hrm', 'competency', 'performance', 'reform', 'integrity'], 5),
    a('Development Academy of the Philippines', 'dap', 'academy', ['learning', 'leadership', 'knowledge', 'service-delivery'], 3),
    a('Department of Budget and Management', 'dbm', 'gov', ['pfm', 'org-design']),
    a('Anti-Red Tape Authority', 'arta', 'gov', ['regulatory', 'service-delivery']),
    a('Department of Information and Communications Technology', 'dict', 'gov', ['digital']),
    a('Office of the Ombudsman', 'ombudsman-ph', 'gov', ['integrity']),
    a('Department of Economy, Planning, and Development', 'depdev', 'gov', ['policy', 'mne']),
    a('Philippine Commission on Women', 'pcw', 'gov', ['gender']),
    a('University of the Philippines, National College of Public Administration and Governance', 'up-ncpag', 'university', ['policy', 'reform', 'mne'], 2),
  ],
  TH: [
    a('Office of the Civil Service Commission (OCSC)', 'ocsc', 'gov', ['hrm', 'competency', 'leadership', 'learning'], 5),
    a('Office of the Public Sector Development Commission (OPDC)', 'opdc', 'gov', ['reform', 'org-design', 'service-delivery', 'performance'], 3),
    a('Digital Government Development Agency (DGA)', 'dga', 'gov', ['digital'], 2),
    a('National Anti-Corruption Commission (NACC)', 'nacc', 'gov', ['integrity']),
    a('Office of the National Economic and Social Development Council (NESDC)', 'nesdc', 'gov', ['policy', 'mne']),
    a('Bureau of the Budget', 'bb', 'gov', ['pfm']),
    a('Office of the Council of State', 'krisdika', 'gov', ['regulatory']),
    a('King Prajadhipok\'s Institute', 'kpi', 'academy', ['learning', 'policy', 'integrity'], 1, false),
    a('Chulalongkorn University, Faculty of Political Science', 'chula', 'university', ['policy', 'reform'], 1, false),
    a('National Institute of Development Administration (NIDA)', 'nida', 'university', ['hrm', 'policy', 'mne', 'pfm'], 2),
  ],
  VN: [
    a('Ministry of Home Affairs', 'moha', 'gov', ['hrm', 'reform', 'org-design', 'gender'], 5),
    a('National Academy of Public Administration', 'napa', 'academy', ['learning', 'policy', 'leadership'], 3),
    a('Ho Chi Minh National Academy of Politics', 'hcma', 'academy', ['leadership', 'policy']),
    a('Government Inspectorate', 'thanhtra', 'gov', ['integrity']),
    a('Ministry of Finance', 'mof-vn', 'gov', ['pfm', 'mne']),
    a('Ministry of Science and Technology', 'most', 'gov', ['digital']),
    a('Ministry of Justice', 'moj-vn', 'gov', ['regulatory']),
    a('Ha Noi Department of Home Affairs', 'sonv-hanoi', 'gov', ['service-delivery', 'hrm']),
    a('Ho Chi Minh City Department of Home Affairs', 'sonv-hcmc', 'gov', ['service-delivery', 'hrm']),
  ],
  KH: [
    a('Ministry of Civil Service', 'mcs', 'gov', ['hrm', 'reform', 'performance', 'competency'], 5),
    a('Royal School of Administration', 'era', 'academy', ['learning', 'leadership'], 2),
    a('Anti-Corruption Unit', 'acu', 'gov', ['integrity']),
    a('Ministry of Economy and Finance', 'mef', 'gov', ['pfm']),
    a('Ministry of Post and Telecommunications', 'mptc', 'gov', ['digital']),
    a('National Committee for Sub-National Democratic Development Secretariat', 'ncdd', 'gov', ['service-delivery', 'reform']),
    a('Ministry of Women\'s Affairs', 'mowa', 'gov', ['gender']),
    a('Royal University of Phnom Penh', 'rupp', 'university', ['policy', 'mne']),
  ],
  LA: [
    a('Ministry of Home Affairs', 'moha-la', 'gov', ['hrm', 'reform', 'org-design'], 5),
    a('National Academy of Politics and Public Administration', 'nappa', 'academy', ['learning', 'leadership', 'policy'], 2),
    a('State Inspection and Anti-Corruption Authority', 'siaca', 'gov', ['integrity']),
    a('Ministry of Finance', 'mof-la', 'gov', ['pfm']),
    a('Ministry of Technology and Communications', 'mtc', 'gov', ['digital']),
    a('Ministry of Planning and Investment', 'mpi-la', 'gov', ['mne', 'policy']),
    a('National University of Laos, Faculty of Law and Political Science', 'nuol', 'university', ['policy', 'regulatory']),
  ],
  MM: [
    a('Union Civil Service Board', 'ucsb', 'gov', ['hrm', 'competency', 'learning', 'reform'], 5),
    a('Central Institute of Civil Service', 'cics', 'academy', ['learning', 'leadership'], 3),
    a('Anti-Corruption Commission of Myanmar', 'accm', 'gov', ['integrity']),
    a('Ministry of Planning and Finance', 'mopf', 'gov', ['pfm', 'mne']),
    a('Ministry of Transport and Communications', 'motc', 'gov', ['digital']),
    a('General Administration Department', 'gad', 'gov', ['service-delivery', 'reform']),
    a('Yangon University of Economics', 'yueco', 'university', ['policy', 'mne', 'pfm'], 1, false),
  ],
  BN: [
    a('Public Service Department', 'jpa-bn', 'gov', ['hrm', 'performance', 'competency'], 4),
    a('Civil Service Institute', 'ipa', 'academy', ['learning', 'leadership'], 2),
    a('Management Services Department, Prime Minister\'s Office', 'jpp', 'gov', ['org-design', 'service-delivery', 'reform'], 2),
    a('Anti-Corruption Bureau', 'bmr', 'gov', ['integrity']),
    a('Ministry of Finance and Economy', 'mofe', 'gov', ['pfm']),
    a('E-Government National Centre', 'egnc', 'gov', ['digital']),
    a('Universiti Brunei Darussalam', 'ubd', 'university', ['policy', 'leadership'], 1, false),
  ],
  TL: [
    a('Civil Service Commission (Comissão da Função Pública)', 'cfp', 'gov', ['hrm', 'reform', 'performance'], 4),
    a('National Institute of Public Administration (INAP)', 'inap', 'academy', ['learning', 'leadership'], 2),
    a('Anti-Corruption Commission (CAC)', 'cac', 'gov', ['integrity']),
    a('Ministry of Finance', 'mof-tl', 'gov', ['pfm']),
    a('Ministry of State Administration', 'mae', 'gov', ['service-delivery', 'reform']),
    a('Information and Communication Technology Agency (TIC Timor)', 'tic', 'gov', ['digital']),
    a('Universidade Nacional Timor Lorosa\'e (UNTL)', 'untl', 'university', ['policy', 'learning'], 1, false),
  ],
};

export function emailDomain(agency: Agency): string {
  return `${agency.slug}.${agency.kind === 'university' ? 'edu' : 'gov'}.example`;
}

/** "at the Civil Service Commission" / "at Chulalongkorn University, ...". */
export function atAgency(agency: Agency): string {
  return agency.article === false ? agency.name : `the ${agency.name}`;
}
