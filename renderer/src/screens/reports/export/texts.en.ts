/**
 * English strings of exporting case studies and stories (keys `reportExport.*`), spread into
 * the app's dictionary (renderer/src/i18n/en.ts); texts.id.ts has the same keys.
 */
export const reportExportEn = {
  'reportExport.open': 'Export',
  'reportExport.title': 'Export “{title}”',
  'reportExport.hint': 'A document of this record as it is saved now, with its ratings and figures (each with its source note).',
  'reportExport.format': 'Format',
  'reportExport.language': 'Language',
  'reportExport.lang.en': 'English',
  'reportExport.lang.id': 'Bahasa Indonesia',
  'reportExport.run': 'Export {format}',
  'reportExport.working': 'Making the document…',
  'reportExport.progress': '{done} of {total} documents',
  'reportExport.saved': '{file} is ready: saved or downloaded where you chose.',
  'reportExport.mtr.open': 'Compile MTR submission',
  'reportExport.mtr.title': 'Compile an MTR submission',
  'reportExport.mtr.hint': 'One document for the Blueprint mid-term review: a cover, a table of contents, a summary table of ratings, then every case study and story these filters choose, in order. Starts from the list’s filters.',
  'reportExport.mtr.run': 'Compile {format}',
  'reportExport.mtr.saved': 'The MTR submission ({documents}) is ready: {file}.',
  'reportExport.refused.title': 'Not exported: consent is missing',
  'reportExport.refused.story': 'The story “{title}” has no recorded consent that covers the mid-term review. Record who consented, when, for which use, and attach the signed form; then export again.',
  'reportExport.refused.quotes': '“{title}” quotes {speakers} from an interview without consent to be quoted. Record the interviewee’s consent to be quoted, or remove the quote; then export again.',
  'reportExport.refused.nothing': 'Nothing was exported.',
  'reportExport.refused.openConsent': 'Open the consent of “{title}”',
  'reportExport.refused.openSources': 'Open the sources and quotes of “{title}”',
  'reportExport.refused.unnamed': 'an unnamed speaker',
  'reportExport.preview.tab': 'Preview',
  'reportExport.preview.hint': 'The outline of the document the export makes: its headings in order, the ratings matrix and the figures with their source notes. Export to see the laid-out pages.',
  'reportExport.preview.sections': 'Sections',
  'reportExport.preview.empty': 'Not written yet: the document will leave this heading out.',
  'reportExport.preview.words': '{count} words',
  'reportExport.preview.figuresAfter': 'Figures after this section',
  'reportExport.preview.ratings': 'Ratings against the Blueprint',
  'reportExport.preview.blocked': 'This document cannot be exported yet',
  'reportExport.preview.anonymised': 'Anonymised: the document shows neither the beneficiary’s name nor any photo.',
  'reportExport.preview.photos': '{count} photos with their captions and credits',
  'reportExport.preview.quotes': '{count} quotes, each citing its interview',
} as const;

export type ReportExportKey = keyof typeof reportExportEn;
