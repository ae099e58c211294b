import type { ProfileSection } from '../../../../shared/model/expert';
import type { EligibilityCriterion } from '../../../../shared/model/vetting/criteria';
import type { LetterOutcome } from './data';

/**
 * The words of the decision letters in English and Bahasa Indonesia. `{name}`-style holes are
 * filled by template.ts with the applicant's values as separate runs of text: a value is
 * never read as a template or as markup, whatever the applicant typed.
 */

export type LetterLang = 'en' | 'id';

interface OutcomeTexts {
  title: string;
  /** The sentence that says what was decided: what a reader looks for first. */
  outcome: string;
  /** Paragraphs after the outcome (and after the reason, when there is one). */
  after: string[];
  /** The label before the reason; the reason paragraph is left out when there is none. */
  reasonLabel?: string;
}

export interface LetterTexts {
  letterhead: [string, string, string];
  header: string;
  footer: string;
  page: { page: string; of: string };
  place: string;
  reference: string;
  addressee: string;
  salutation: string;
  /** Reused inside every outcome sentence as {application}. */
  application: string;
  outcomes: Record<LetterOutcome, OutcomeTexts>;
  acceptedNoSections: string;
  /** Published with no section consented: the profile is in the directory, its sections held back. */
  publishedNoSections: string;
  criteria: Record<EligibilityCriterion, string>;
  sections: Record<ProfileSection, string>;
  and: string;
  closing: string;
  signature: [string, string];
  copy: string;
  fileStem: string;
  zipStem: string;
}

const en: LetterTexts = {
  letterhead: ['ASEAN Cooperation on Civil Service Matters (ACCSM)', 'ACCSM Secretariat · ASEAN Resource Centre: ASEAN Pool of Experts on Civil Service (A-EXPECS)', 'Badan Kepegawaian Negara (BKN), Jakarta, Indonesia'],
  header: 'ACCSM Secretariat · A-EXPECS decision letter · Reference {reference}',
  footer: 'ACCSM Secretariat, Jakarta',
  page: { page: 'Page', of: 'of' },
  place: 'Jakarta, {date}',
  reference: 'Reference: {reference}',
  addressee: '{fullName}',
  salutation: 'Dear {fullName},',
  application: 'your application to join the ASEAN Pool of Experts on Civil Service (A-EXPECS), submitted on {submitted} and nominated by {nominating},',
  outcomes: {
    published: {
      title: 'Application accepted and profile published',
      outcome: 'We are pleased to inform you that {application} was accepted on {decided}.',
      after: ['Your expert profile was published in the A-EXPECS directory on {published}, with the sections you consented to publish: {sections}.'],
    },
    accepted: {
      title: 'Application accepted',
      outcome: 'We are pleased to inform you that {application} was accepted on {decided}.',
      after: ['Your expert profile will be published in the A-EXPECS directory with the sections you consented to publish: {sections}.'],
    },
    rejected: {
      title: 'Application not accepted',
      outcome: 'We regret to inform you that {application} was not accepted. The decision was taken on {decided}.',
      reasonLabel: 'Reason:',
      after: ['We thank you for your interest in the pool and welcome a new application from you in the future.'],
    },
    returned: {
      title: 'More information needed for your application',
      outcome: 'We have reviewed {application} and need more information before a decision can be taken (review of {decided}).',
      reasonLabel: 'Information needed:',
      after: ['Please send it to the ACCSM Secretariat through the national focal point of {nominating}, quoting the reference {reference}.'],
    },
    withdrawn: {
      title: 'Withdrawal of your application acknowledged',
      outcome: 'We acknowledge that {application} was withdrawn on {decided}.',
      reasonLabel: 'Reason given:',
      after: ['No further action is needed. You are welcome to apply again in the future.'],
    },
    not_eligible: {
      title: 'Application not eligible',
      outcome: 'We regret to inform you that {application} does not meet the ACCSM criteria for experts, as screened on {decided}. These criteria are not met:',
      after: ['You are welcome to apply again once these criteria are met.'],
    },
  },
  acceptedNoSections: 'Your expert profile will be published in the A-EXPECS directory once you tell us which sections of it may be published.',
  publishedNoSections: 'Your expert profile was added to the A-EXPECS directory on {published}; none of its sections is shown until you tell us which of them may be published.',
  criteria: {
    experience: 'At least {years} years of civil-service experience or consultancy',
    recommendation: 'A recommendation from a government or professional body',
    declarations: 'Signed code-of-conduct and independence declarations',
    publications: 'Publications (for academics)',
    practice: 'Certificates or validated involvement in events (for practitioners)',
    languages: 'Foreign languages',
    speaking: 'Speaking experience',
  },
  sections: { contact: 'contact details', career: 'career', expertise: 'expertise', portfolio: 'portfolio', photo: 'photo' },
  and: 'and',
  closing: 'Yours sincerely,',
  signature: ['ACCSM Secretariat', 'ASEAN Pool of Experts on Civil Service (A-EXPECS)'],
  copy: 'Copy: the national focal point of {nominating}',
  fileStem: 'decision-letter',
  zipStem: 'decision-letters',
};

const id: LetterTexts = {
  letterhead: ['ASEAN Cooperation on Civil Service Matters (ACCSM)', 'Sekretariat ACCSM · ASEAN Resource Centre: ASEAN Pool of Experts on Civil Service (A-EXPECS)', 'Badan Kepegawaian Negara (BKN), Jakarta, Indonesia'],
  header: 'Sekretariat ACCSM · Surat keputusan A-EXPECS · Nomor referensi {reference}',
  footer: 'Sekretariat ACCSM, Jakarta',
  page: { page: 'Halaman', of: 'dari' },
  place: 'Jakarta, {date}',
  reference: 'Nomor referensi: {reference}',
  addressee: 'Yth. {fullName}',
  salutation: 'Dengan hormat,',
  application: 'permohonan Anda untuk bergabung dalam ASEAN Pool of Experts on Civil Service (A-EXPECS), yang diajukan pada {submitted} dengan nominasi dari {nominating},',
  outcomes: {
    published: {
      title: 'Permohonan diterima dan profil dipublikasikan',
      outcome: 'Dengan senang hati kami sampaikan bahwa {application} telah diterima pada {decided}.',
      after: ['Profil pakar Anda telah dipublikasikan di direktori A-EXPECS pada {published}, dengan bagian profil yang Anda setujui untuk dipublikasikan: {sections}.'],
    },
    accepted: {
      title: 'Permohonan diterima',
      outcome: 'Dengan senang hati kami sampaikan bahwa {application} telah diterima pada {decided}.',
      after: ['Profil pakar Anda akan dipublikasikan di direktori A-EXPECS dengan bagian profil yang Anda setujui untuk dipublikasikan: {sections}.'],
    },
    rejected: {
      title: 'Permohonan tidak diterima',
      outcome: 'Dengan menyesal kami sampaikan bahwa {application} tidak dapat diterima. Keputusan ini diambil pada {decided}.',
      reasonLabel: 'Alasan:',
      after: ['Terima kasih atas minat Anda untuk bergabung; kami menyambut permohonan baru dari Anda di kemudian hari.'],
    },
    returned: {
      title: 'Informasi tambahan diperlukan untuk permohonan Anda',
      outcome: 'Kami telah meninjau {application} dan memerlukan informasi tambahan sebelum keputusan dapat diambil (peninjauan tanggal {decided}).',
      reasonLabel: 'Informasi yang diperlukan:',
      after: ['Mohon sampaikan informasi tersebut kepada Sekretariat ACCSM melalui focal point nasional {nominating} dengan menyebutkan nomor referensi {reference}.'],
    },
    withdrawn: {
      title: 'Penarikan permohonan Anda telah kami terima',
      outcome: 'Kami telah menerima penarikan {application} pada {decided}.',
      reasonLabel: 'Alasan yang disampaikan:',
      after: ['Tidak ada tindakan lebih lanjut yang diperlukan. Anda dipersilakan mengajukan permohonan kembali di kemudian hari.'],
    },
    not_eligible: {
      title: 'Permohonan tidak memenuhi syarat',
      outcome: 'Dengan menyesal kami sampaikan bahwa {application} belum memenuhi kriteria pakar ACCSM, berdasarkan pemeriksaan tanggal {decided}. Kriteria berikut belum terpenuhi:',
      after: ['Anda dipersilakan mengajukan permohonan kembali setelah kriteria tersebut terpenuhi.'],
    },
  },
  acceptedNoSections: 'Profil pakar Anda akan dipublikasikan di direktori A-EXPECS setelah Anda menyampaikan bagian profil mana yang boleh dipublikasikan.',
  publishedNoSections: 'Profil pakar Anda telah dimasukkan ke direktori A-EXPECS pada {published}; bagian-bagian profil belum ditampilkan sampai Anda menyampaikan bagian mana yang boleh dipublikasikan.',
  criteria: {
    experience: 'Pengalaman di bidang kepegawaian atau konsultansi sekurang-kurangnya {years} tahun',
    recommendation: 'Rekomendasi dari lembaga pemerintah atau organisasi profesi',
    declarations: 'Pernyataan kode etik dan independensi yang telah ditandatangani',
    publications: 'Publikasi (bagi akademisi)',
    practice: 'Sertifikat atau keterlibatan tervalidasi dalam kegiatan (bagi praktisi)',
    languages: 'Bahasa asing',
    speaking: 'Pengalaman sebagai pembicara',
  },
  sections: { contact: 'kontak', career: 'karier', expertise: 'keahlian', portfolio: 'portofolio', photo: 'foto' },
  and: 'dan',
  closing: 'Hormat kami,',
  signature: ['Sekretariat ACCSM', 'ASEAN Pool of Experts on Civil Service (A-EXPECS)'],
  copy: 'Tembusan: focal point nasional {nominating}',
  fileStem: 'surat-keputusan',
  zipStem: 'surat-keputusan',
};

export const letterTexts: Record<LetterLang, LetterTexts> = { en, id };
