import type { ApplicationFields } from './application';
import { optionalCriteria, requiredCriteria, type EligibilityCriterion } from './criteria';
import type { VettingSettings } from './settings';

export type CheckResult = 'met' | 'not_met' | 'unknown';

export interface CriterionCheck {
  criterion: EligibilityCriterion;
  /** Whether this criterion decides eligibility for this applicant's type. */
  required: boolean;
  result: CheckResult;
  /** What the check saw, so the curator can see why and confirm or correct it. */
  seen: Record<string, string | number | boolean | null>;
}

export interface Precheck {
  criteria: CriterionCheck[];
  /** 'likely_eligible' when every required criterion is met, 'not_eligible' when one is not, else 'needs_check'. */
  summary: 'likely_eligible' | 'not_eligible' | 'needs_check';
}

type ApplicationView = Pick<
  ApplicationFields,
  'applicantType' | 'yearsExperience' | 'recommenderName' | 'recommenderOrganisation' | 'recommenderBody' | 'recommendationLetter' | 'declarations' | 'evidence' | 'languages' | 'speakingExperience'
>;

/**
 * What the data shows against each ACCSM criterion. A pre-check only: the curator confirms
 * each criterion with a note when screening (the screened event), and may overrule it.
 */
export function precheckEligibility(app: ApplicationView, settings: Pick<VettingSettings, 'yearsThreshold'>): Precheck {
  const required = new Set(requiredCriteria(app.applicantType));
  const check = (criterion: EligibilityCriterion, result: CheckResult, seen: CriterionCheck['seen']): CriterionCheck => ({
    criterion,
    required: required.has(criterion),
    result,
    seen,
  });
  const years = app.yearsExperience;
  const body = app.recommenderBody;
  const hasRecommender = app.recommenderName.trim() !== '' || app.recommenderOrganisation.trim() !== '';
  const letter = app.recommendationLetter !== null;
  const signed = (s: unknown) => s !== null && s !== undefined;
  const publications = app.evidence.filter((e) => e.kind === 'publication').length;
  const certificates = app.evidence.filter((e) => e.kind === 'certificate').length;
  const validatedEvents = app.evidence.filter((e) => e.kind === 'event' && e.validated === true).length;
  const otherEvents = app.evidence.filter((e) => e.kind === 'event' && e.validated !== true).length;
  const workingLanguages = app.languages.filter((l) => l.proficiency !== 'basic').length;

  const criteria: CriterionCheck[] = [
    check('experience', years === null ? 'unknown' : years >= settings.yearsThreshold ? 'met' : 'not_met', { years, threshold: settings.yearsThreshold }),
    check(
      'recommendation',
      body === 'other' ? 'not_met' : body === null ? (hasRecommender ? 'unknown' : 'not_met') : letter ? 'met' : 'unknown',
      { body, recommender: app.recommenderName, organisation: app.recommenderOrganisation, letter },
    ),
    check('declarations', signed(app.declarations.codeOfConduct) && signed(app.declarations.independence) ? 'met' : 'not_met', {
      codeOfConduct: signed(app.declarations.codeOfConduct),
      independence: signed(app.declarations.independence),
      responsibility: signed(app.declarations.responsibility),
    }),
    check('publications', publications > 0 ? 'met' : 'not_met', { publications }),
    check('practice', certificates + validatedEvents > 0 ? 'met' : otherEvents > 0 ? 'unknown' : 'not_met', { certificates, validatedEvents, unvalidatedEvents: otherEvents }),
    check('languages', workingLanguages > 0 ? 'met' : 'not_met', { workingLanguages }),
    check('speaking', app.speakingExperience === null ? 'unknown' : app.speakingExperience ? 'met' : 'not_met', { speakingExperience: app.speakingExperience }),
  ];
  const decisive = criteria.filter((c) => c.required && !optionalCriteria.has(c.criterion));
  const summary = decisive.some((c) => c.result === 'not_met') ? 'not_eligible' : decisive.every((c) => c.result === 'met') ? 'likely_eligible' : 'needs_check';
  return { criteria, summary };
}
