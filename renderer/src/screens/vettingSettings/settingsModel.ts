import type { RubricCriterion, VettingSettings } from '../../../../shared/model/vetting/settings';
import type { Translate } from '../../i18n';

/** A rubric row being edited: `key` is null until first saved (then it never changes, scores are stored under it). */
export type DraftCriterion = Omit<RubricCriterion, 'key'> & { key: string | null; rowId: string };
export type Draft = Omit<VettingSettings, 'rubric'> & { rubric: DraftCriterion[] };

let rows = 0;
export const rowId = () => `row-${++rows}`;

export const toDraft = (s: VettingSettings): Draft => ({ ...s, rubric: s.rubric.map((c) => ({ ...c, label: { ...c.label }, rowId: rowId() })) });

/** A key for a new criterion from its English label ("Policy impact" → policy_impact), unique in the rubric. */
export function keyFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 32) || 'criterion';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

export function fromDraft(d: Draft): VettingSettings {
  const taken = new Set(d.rubric.flatMap((c) => (c.key ? [c.key] : [])));
  const rubric = d.rubric.map(({ rowId: _row, key, ...c }) => {
    const k = key ?? keyFor(c.label.en, taken);
    taken.add(k);
    return { ...c, key: k, label: { en: c.label.en.trim(), id: c.label.id.trim() } };
  });
  return { yearsThreshold: d.yearsThreshold, sameCountryConflict: d.sameCountryConflict, reviewersPerApplication: d.reviewersPerApplication, rubric };
}

export type Problems = Record<string, string>;

const intIn = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;

/**
 * The rules of vettingSettingsFieldsSchema (shared/model/vetting/settings.ts), each said in the
 * curator's language under the field it concerns. Keys: field names, `rubric`, `rubric.<row>.<field>`.
 */
export function settingsProblems(d: Draft, t: Translate): Problems {
  const out: Problems = {};
  if (!intIn(d.yearsThreshold, 0, 50)) out.yearsThreshold = t('oversight.settings.range', { min: 0, max: 50 });
  if (!intIn(d.reviewersPerApplication, 1, 10)) out.reviewersPerApplication = t('oversight.settings.range', { min: 1, max: 10 });
  if (d.rubric.length === 0) out.rubric = t('oversight.settings.rubricEmpty');
  if (d.rubric.length > 20) out.rubric = t('oversight.settings.rubricTooMany');
  for (const c of d.rubric) {
    for (const lang of ['en', 'id'] as const) {
      const label = c.label[lang].trim();
      if (!label) out[`rubric.${c.rowId}.${lang}`] = t('oversight.settings.labelRequired');
      else if (label.length > 120) out[`rubric.${c.rowId}.${lang}`] = t('validation.maxLength', { max: 120 });
    }
    if (!(c.weight >= 0.01 && c.weight <= 100)) out[`rubric.${c.rowId}.weight`] = t('oversight.settings.weightRange');
    if (!intIn(c.scale, 2, 10)) out[`rubric.${c.rowId}.scale`] = t('oversight.settings.range', { min: 2, max: 10 });
  }
  return out;
}
