import type { VettingEvent } from '../../../../shared/model/vetting/events';

const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export type AuditLang = 'en' | 'id';

/** The audit CSV's words in each language (the screens render events themselves, from the window's dictionaries). */
const words = {
  en: {
    header: ['Application', 'Applicant', 'Event', 'Type', 'When (UTC)', 'By (user id)', 'By', 'What', 'Hash', 'Verified'],
    verified: 'yes',
    altered: 'ALTERED',
    submitted: 'Application submitted',
    screened: (outcome: string, met: number, of: number) => `Screened: ${outcome} (${met} of ${of} criteria met)`,
    requested: (what: string) => `; requested: ${what}`,
    infoReceived: (answer: string) => `Information received: ${answer}`,
    assigned: (who: string) => `Assigned to ${who}`,
    override: (reason: string) => ` despite a conflict of interest (reason: ${reason})`,
    unassigned: (who: string) => `${who} unassigned`,
    review: (who: string, recommendation: string) => `Review by ${who}: recommends ${recommendation}`,
    decided: (outcome: string) => `Decided: ${outcome}`,
    published: (expert: string, sections: number) => `Published as expert ${expert} (${sections} sections)`,
    withdrawn: 'Withdrawn',
    note: (text: string) => `Note: ${text}`,
    screening: { eligible: 'eligible', not_eligible: 'not eligible', info_requested: 'information requested' },
    recommendation: { accept: 'accept', reject: 'reject', more_info: 'more information' },
    decision: { accept: 'accept', reject: 'reject', return: 'return for more information' },
  },
  id: {
    header: ['Lamaran', 'Pelamar', 'Peristiwa', 'Jenis', 'Waktu (UTC)', 'Oleh (id pengguna)', 'Oleh', 'Apa', 'Hash', 'Terverifikasi'],
    verified: 'ya',
    altered: 'DIUBAH',
    submitted: 'Lamaran diajukan',
    screened: (outcome: string, met: number, of: number) => `Disaring: ${outcome} (${met} dari ${of} kriteria terpenuhi)`,
    requested: (what: string) => `; diminta: ${what}`,
    infoReceived: (answer: string) => `Informasi diterima: ${answer}`,
    assigned: (who: string) => `Ditugaskan kepada ${who}`,
    override: (reason: string) => ` meskipun ada konflik kepentingan (alasan: ${reason})`,
    unassigned: (who: string) => `Penugasan ${who} dibatalkan`,
    review: (who: string, recommendation: string) => `Tinjauan oleh ${who}: merekomendasikan ${recommendation}`,
    decided: (outcome: string) => `Diputuskan: ${outcome}`,
    published: (expert: string, sections: number) => `Diterbitkan sebagai pakar ${expert} (${sections} bagian)`,
    withdrawn: 'Ditarik',
    note: (text: string) => `Catatan: ${text}`,
    screening: { eligible: 'memenuhi syarat', not_eligible: 'tidak memenuhi syarat', info_requested: 'informasi diminta' },
    recommendation: { accept: 'terima', reject: 'tolak', more_info: 'informasi tambahan' },
    decision: { accept: 'terima', reject: 'tolak', return: 'kembalikan untuk informasi tambahan' },
  },
} as const;

/** The CSV's column titles and verification words, in `lang`. */
export function auditWords(lang: AuditLang) {
  const w = words[lang];
  return { header: w.header, verified: w.verified, altered: w.altered };
}

/**
 * One line saying what an event did, for the audit trail and its CSV, in English unless `lang`
 * says otherwise. What people wrote (reasons, notes, answers) stays as they wrote it.
 */
export function summariseEvent(e: VettingEvent, names: ReadonlyMap<string, string>, lang: AuditLang = 'en'): string {
  const w = words[lang];
  const name = (id: string) => names.get(id) ?? id;
  const because = (reason: string | undefined) => (reason ? ` (${clip(reason)})` : '');
  switch (e.type) {
    case 'submitted':
      return w.submitted;
    case 'screened': {
      const met = e.payload.criteria.filter((c) => c.met).length;
      return `${w.screened(w.screening[e.payload.outcome], met, e.payload.criteria.length)}${e.payload.what ? w.requested(clip(e.payload.what)) : ''}`;
    }
    case 'info_received':
      return w.infoReceived(clip(e.payload.answer));
    case 'assigned':
      return `${w.assigned(name(e.payload.reviewerId))}${e.payload.override ? w.override(clip(e.payload.override.reason)) : ''}`;
    case 'unassigned':
      return w.unassigned(name(e.payload.reviewerId));
    case 'review_submitted':
      return w.review(name(e.payload.reviewerId), w.recommendation[e.payload.recommendation]);
    case 'decided':
      return `${w.decided(w.decision[e.payload.outcome])}${because(e.payload.reason)}`;
    case 'published':
      return w.published(e.payload.expertId, e.payload.sections.length);
    case 'withdrawn':
      return `${w.withdrawn}${because(e.payload.reason)}`;
    case 'note':
      return w.note(clip(e.payload.text));
  }
}
