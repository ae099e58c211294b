/**
 * English strings of the case-study / story editor's panels (keys `reportPanels.*`), spread
 * into the app's dictionary (renderer/src/i18n/en.ts); texts.id.ts has the same keys.
 */
export const reportPanelsEn = {
  'reportPanels.saveFailed': 'The change could not be saved. Check the connection to the app’s core and try again.',
  'reportPanels.saveRefused': 'Not saved',

  // The Blueprint's five characteristics and the four case-study dimensions.
  'reportPanels.characteristic.r_people': 'Engages and benefits the people',
  'reportPanels.characteristic.r_inclusive': 'Inclusive',
  'reportPanels.characteristic.r_sustainable': 'Sustainable',
  'reportPanels.characteristic.r_resilient': 'Resilient',
  'reportPanels.characteristic.r_dynamic': 'Dynamic',
  'reportPanels.characteristic.r_effectiveness': 'Effectiveness',
  'reportPanels.characteristic.r_success': 'Success',
  'reportPanels.characteristic.r_ease': 'Ease of implementation',
  'reportPanels.characteristic.r_replicability': 'Replicability',
  'reportPanels.characteristicHint.r_people': 'People take part in it, and it makes a difference to their lives.',
  'reportPanels.characteristicHint.r_inclusive': 'It reaches everyone, including vulnerable groups, and works across sectors.',
  'reportPanels.characteristicHint.r_sustainable': 'Its results last: socially, economically and for the environment.',
  'reportPanels.characteristicHint.r_resilient': 'It withstands shocks and recovers from them.',
  'reportPanels.characteristicHint.r_dynamic': 'It adapts and innovates as needs change.',
  'reportPanels.characteristicHint.r_effectiveness': 'How far it achieved what it set out to do.',
  'reportPanels.characteristicHint.r_success': 'What made it succeed, and how widely its success is recognised.',
  'reportPanels.characteristicHint.r_ease': 'How easily it was put into practice with the means at hand.',
  'reportPanels.characteristicHint.r_replicability': 'How readily another member state or sectoral body could do the same.',
  'reportPanels.rating.none': 'Not rated',
  'reportPanels.rating.not_evident': 'Not evident',
  'reportPanels.rating.emerging': 'Emerging',
  'reportPanels.rating.evident': 'Evident',
  'reportPanels.rating.strong': 'Strong',

  // Section names (the rating's "draws on", a quote's section, a figure's place).
  'reportPanels.section.s_context': 'Context',
  'reportPanels.section.s_problem': 'Problem',
  'reportPanels.section.s_approach': 'Approach',
  'reportPanels.section.s_results': 'Results',
  'reportPanels.section.s_effectiveness': 'Effectiveness',
  'reportPanels.section.s_successFactors': 'Success factors',
  'reportPanels.section.s_ease': 'Ease of implementation',
  'reportPanels.section.s_replicability': 'Replicability',
  'reportPanels.section.s_lessons': 'Lessons learned',
  'reportPanels.section.s_sources': 'Sources',
  'reportPanels.section.s_before': 'Before',
  'reportPanels.section.s_after': 'After',
  'reportPanels.section.s_change': 'The change, in their own words',

  // Ratings matrix
  'reportPanels.matrix.caption': 'Ratings at a glance',
  'reportPanels.matrix.recordsCaption': 'Ratings against the Blueprint’s five characteristics',
  'reportPanels.matrix.characteristic': 'Characteristic',
  'reportPanels.matrix.record': 'Case study or story',

  // Evaluation panel
  'reportPanels.evaluation.characteristics': 'The Blueprint’s five characteristics',
  'reportPanels.evaluation.characteristicsHint': 'Rate each characteristic, say what shows it, and point at the sections the evidence comes from.',
  'reportPanels.evaluation.dimensions': 'Case-study dimensions',
  'reportPanels.evaluation.dimensionsHint': 'Rate the programme on the four dimensions the mid-term review asks about.',
  'reportPanels.evaluation.evidence': 'Evidence',
  'reportPanels.evaluation.evidenceHint': 'What in the programme shows this, in at most {max} characters. Saved when you leave the field.',
  'reportPanels.evaluation.evidenceTooLong': 'The evidence has {count} characters; the limit is {max}. Shorten it to save it.',
  'reportPanels.evaluation.sections': 'Draws on the sections',
  'reportPanels.evaluation.sectionsNone': 'No section chosen',
} as const;

export type ReportPanelsKey = keyof typeof reportPanelsEn;
