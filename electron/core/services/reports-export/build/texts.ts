import type { Criterion, Rating } from '../../../../../shared/model/reports/characteristics';
import type { CaseStudySection, StorySection } from '../../../../../shared/model/reports/sections';
import type { BeneficiaryKind, ConsentUse } from '../../../../../shared/model/reports/story';
import type { ReportStatus } from '../../../../../shared/model/reports/parts';

/**
 * The words of exported case studies, stories and MTR compilations, in English and Bahasa
 * Indonesia. `{key}` holes are filled with values as text (fill in build/common.ts), never
 * read as markup, whatever a curator typed.
 */

export type ReportLang = 'en' | 'id';

export interface ReportTexts {
  letterhead: [string, string];
  footer: string;
  page: { page: string; of: string };
  caseStudyHeader: string;
  storyHeader: string;
  meta: {
    countries: string;
    programme: string;
    workPlanActivity: string;
    blueprintObjective: string;
    period: string;
    experts: string;
    expertise: string;
    status: string;
    beneficiary: string;
    interviews: string;
  };
  none: string;
  openPeriod: string;
  unknownExpert: string;
  statuses: Record<ReportStatus, string>;
  sections: Record<CaseStudySection | StorySection, string>;
  /** The story's s_change heading. */
  indicators: { heading: string; name: string; unit: string; baseline: string; target: string; actual: string };
  figure: string;
  figureCount: string;
  figureLabel: string;
  photos: string;
  photoCredit: string;
  /** A quote's footnote: the interview it comes from. */
  interviewNote: string;
  interviewNoteNoDate: string;
  evaluation: { heading: string; characteristics: string; dimensions: string; criterion: string; dimension: string; rating: string; evidence: string; drawsOn: string; notRated: string };
  criteria: Record<Criterion, string>;
  /** The characteristics as the summary table's narrow columns name them. */
  criteriaShort: Record<Criterion, string>;
  ratings: Record<Rating, string>;
  beneficiaryKinds: Record<BeneficiaryKind, string>;
  anonymous: Record<BeneficiaryKind, string>;
  aboutBeneficiary: string;
  consent: { heading: string; named: string; anonymised: string; uses: Record<ConsentUse, string> };
  and: string;
  mtr: {
    header: string;
    title: string;
    subtitle: string;
    counts: string;
    /** Singular and plural, by count: [one, other]. */
    caseStudies: [string, string];
    stories: [string, string];
    contents: string;
    summary: string;
    summaryIntro: string;
    document: string;
    types: { case_study: string; story: string };
    place: string;
  };
  fileStem: { case_study: string; story: string; mtr: string };
}

const en: ReportTexts = {
  letterhead: ['ASEAN Cooperation on Civil Service Matters (ACCSM)', 'ASEAN Resource Centre: ASEAN Pool of Experts on Civil Service (A-EXPECS)'],
  footer: 'ACCSM Secretariat · ASCC Blueprint 2025 mid-term review',
  page: { page: 'Page', of: 'of' },
  caseStudyHeader: 'A-EXPECS · Case study',
  storyHeader: 'A-EXPECS · Human-interest story',
  meta: {
    countries: 'Countries',
    programme: 'Programme or initiative',
    workPlanActivity: 'Sectoral body work-plan activity',
    blueprintObjective: 'Blueprint objective',
    period: 'Period',
    experts: 'Experts involved',
    expertise: 'Expertise areas',
    status: 'Status',
    beneficiary: 'Beneficiary',
    interviews: 'Interviews',
  },
  none: '—',
  openPeriod: 'ongoing',
  unknownExpert: 'an expert no longer in the directory',
  statuses: { draft: 'Draft', in_review: 'In review', approved: 'Approved' },
  sections: {
    s_context: 'Context',
    s_problem: 'Problem',
    s_approach: 'Approach',
    s_results: 'Results',
    s_effectiveness: 'Effectiveness',
    s_successFactors: 'Success factors',
    s_ease: 'Ease of implementation',
    s_replicability: 'Replicability',
    s_lessons: 'Lessons learned',
    s_sources: 'Sources',
    s_before: 'Before',
    s_after: 'After',
    s_change: 'The change, in their own words',
  },
  indicators: { heading: 'Indicators', name: 'Indicator', unit: 'Unit', baseline: 'Baseline', target: 'Target', actual: 'Actual' },
  figure: 'Figure {n}. {title}',
  figureCount: 'Experts',
  figureLabel: 'Value',
  photos: 'Photos',
  photoCredit: 'Photo: {credit}',
  interviewNote: 'Interview with {name}, {role}, {organisation}, {date}.',
  interviewNoteNoDate: 'Interview with {name}, {role}, {organisation}.',
  evaluation: {
    heading: 'Judged against the Blueprint',
    characteristics: 'The five characteristics of the ASCC Blueprint 2025',
    dimensions: 'The four dimensions of a case study',
    criterion: 'Characteristic',
    dimension: 'Dimension',
    rating: 'Rating',
    evidence: 'Evidence',
    drawsOn: 'Draws on: {sections}',
    notRated: 'Not rated',
  },
  criteria: {
    people: 'Engages and benefits the people',
    inclusive: 'Inclusive',
    sustainable: 'Sustainable',
    resilient: 'Resilient',
    dynamic: 'Dynamic',
    effectiveness: 'Effectiveness',
    success: 'Success',
    ease: 'Ease of implementation',
    replicability: 'Replicability',
  },
  criteriaShort: { people: 'People', inclusive: 'Inclusive', sustainable: 'Sustainable', resilient: 'Resilient', dynamic: 'Dynamic', effectiveness: 'Effectiveness', success: 'Success', ease: 'Ease', replicability: 'Replicability' },
  ratings: { not_evident: 'Not evident', emerging: 'Emerging', evident: 'Evident', strong: 'Strong' },
  beneficiaryKinds: { individual: 'Individual', family: 'Family', community: 'Community' },
  anonymous: { individual: 'the beneficiary', family: 'the family', community: 'the community' },
  aboutBeneficiary: 'The beneficiary',
  consent: {
    heading: 'Consent',
    named: 'Consent to tell this story was given by {by} on {date}, for: {uses}. The signed form is kept by the ACCSM Secretariat.',
    anonymised: 'Consent to tell this story, without the beneficiary’s name or photographs, was given on {date}, for: {uses}. The signed form is kept by the ACCSM Secretariat.',
    uses: { mtr: 'the mid-term review', print: 'print publications', online: 'online publication' },
  },
  and: 'and',
  mtr: {
    header: 'A-EXPECS · Mid-term review submission',
    title: 'Case studies and human-interest stories',
    subtitle: 'Submission of the ASEAN Resource Centre A-EXPECS to the mid-term review of the ASCC Blueprint 2025',
    counts: '{caseStudies} and {stories}',
    caseStudies: ['case study', 'case studies'],
    stories: ['human-interest story', 'human-interest stories'],
    contents: 'Contents',
    summary: 'Summary of ratings',
    summaryIntro: 'How each document is rated against the five characteristics of the ASCC Blueprint 2025: engages and benefits the people (People), inclusive, sustainable, resilient and dynamic. The evidence for each rating is in the document.',
    document: 'Document',
    types: { case_study: 'Case study', story: 'Story' },
    place: 'ACCSM Secretariat, Jakarta, {date}',
  },
  fileStem: { case_study: 'case-study', story: 'story', mtr: 'mtr-submission' },
};

const id: ReportTexts = {
  letterhead: ['ASEAN Cooperation on Civil Service Matters (ACCSM)', 'ASEAN Resource Centre: ASEAN Pool of Experts on Civil Service (A-EXPECS)'],
  footer: 'Sekretariat ACCSM · Tinjauan paruh waktu Cetak Biru ASCC 2025',
  page: { page: 'Halaman', of: 'dari' },
  caseStudyHeader: 'A-EXPECS · Studi kasus',
  storyHeader: 'A-EXPECS · Kisah inspiratif',
  meta: {
    countries: 'Negara',
    programme: 'Program atau inisiatif',
    workPlanActivity: 'Kegiatan rencana kerja badan sektoral',
    blueprintObjective: 'Sasaran Cetak Biru',
    period: 'Periode',
    experts: 'Pakar yang terlibat',
    expertise: 'Bidang keahlian',
    status: 'Status',
    beneficiary: 'Penerima manfaat',
    interviews: 'Wawancara',
  },
  none: '—',
  openPeriod: 'berlangsung',
  unknownExpert: 'pakar yang tidak lagi ada di direktori',
  statuses: { draft: 'Draf', in_review: 'Dalam tinjauan', approved: 'Disetujui' },
  sections: {
    s_context: 'Konteks',
    s_problem: 'Masalah',
    s_approach: 'Pendekatan',
    s_results: 'Hasil',
    s_effectiveness: 'Efektivitas',
    s_successFactors: 'Faktor keberhasilan',
    s_ease: 'Kemudahan pelaksanaan',
    s_replicability: 'Kemungkinan direplikasi',
    s_lessons: 'Pelajaran yang dipetik',
    s_sources: 'Sumber',
    s_before: 'Sebelum',
    s_after: 'Sesudah',
    s_change: 'Perubahan, dengan kata-kata mereka sendiri',
  },
  indicators: { heading: 'Indikator', name: 'Indikator', unit: 'Satuan', baseline: 'Awal', target: 'Target', actual: 'Capaian' },
  figure: 'Gambar {n}. {title}',
  figureCount: 'Pakar',
  figureLabel: 'Nilai',
  photos: 'Foto',
  photoCredit: 'Foto: {credit}',
  interviewNote: 'Wawancara dengan {name}, {role}, {organisation}, {date}.',
  interviewNoteNoDate: 'Wawancara dengan {name}, {role}, {organisation}.',
  evaluation: {
    heading: 'Penilaian terhadap Cetak Biru',
    characteristics: 'Lima karakteristik Cetak Biru ASCC 2025',
    dimensions: 'Empat dimensi studi kasus',
    criterion: 'Karakteristik',
    dimension: 'Dimensi',
    rating: 'Penilaian',
    evidence: 'Bukti',
    drawsOn: 'Berdasarkan: {sections}',
    notRated: 'Belum dinilai',
  },
  criteria: {
    people: 'Melibatkan dan bermanfaat bagi masyarakat',
    inclusive: 'Inklusif',
    sustainable: 'Berkelanjutan',
    resilient: 'Tangguh',
    dynamic: 'Dinamis',
    effectiveness: 'Efektivitas',
    success: 'Keberhasilan',
    ease: 'Kemudahan pelaksanaan',
    replicability: 'Kemungkinan direplikasi',
  },
  criteriaShort: { people: 'Masyarakat', inclusive: 'Inklusif', sustainable: 'Berkelanjutan', resilient: 'Tangguh', dynamic: 'Dinamis', effectiveness: 'Efektivitas', success: 'Keberhasilan', ease: 'Kemudahan', replicability: 'Replikasi' },
  ratings: { not_evident: 'Tidak tampak', emerging: 'Mulai tampak', evident: 'Tampak', strong: 'Kuat' },
  beneficiaryKinds: { individual: 'Perorangan', family: 'Keluarga', community: 'Komunitas' },
  anonymous: { individual: 'penerima manfaat', family: 'keluarga tersebut', community: 'komunitas tersebut' },
  aboutBeneficiary: 'Penerima manfaat',
  consent: {
    heading: 'Persetujuan',
    named: 'Persetujuan untuk menceritakan kisah ini diberikan oleh {by} pada {date}, untuk: {uses}. Formulir yang ditandatangani disimpan oleh Sekretariat ACCSM.',
    anonymised: 'Persetujuan untuk menceritakan kisah ini, tanpa nama atau foto penerima manfaat, diberikan pada {date}, untuk: {uses}. Formulir yang ditandatangani disimpan oleh Sekretariat ACCSM.',
    uses: { mtr: 'tinjauan paruh waktu', print: 'publikasi cetak', online: 'publikasi daring' },
  },
  and: 'dan',
  mtr: {
    header: 'A-EXPECS · Bahan tinjauan paruh waktu',
    title: 'Studi kasus dan kisah inspiratif',
    subtitle: 'Bahan dari ASEAN Resource Centre A-EXPECS untuk tinjauan paruh waktu Cetak Biru ASCC 2025',
    counts: '{caseStudies} dan {stories}',
    caseStudies: ['studi kasus', 'studi kasus'],
    stories: ['kisah inspiratif', 'kisah inspiratif'],
    contents: 'Daftar isi',
    summary: 'Ringkasan penilaian',
    summaryIntro: 'Penilaian setiap dokumen terhadap lima karakteristik Cetak Biru ASCC 2025: melibatkan dan bermanfaat bagi masyarakat (Masyarakat), inklusif, berkelanjutan, tangguh, dan dinamis. Bukti untuk setiap penilaian ada di dalam dokumennya.',
    document: 'Dokumen',
    types: { case_study: 'Studi kasus', story: 'Kisah' },
    place: 'Sekretariat ACCSM, Jakarta, {date}',
  },
  fileStem: { case_study: 'studi-kasus', story: 'kisah', mtr: 'bahan-tinjauan-paruh-waktu' },
};

export const reportTexts: Record<ReportLang, ReportTexts> = { en, id };
