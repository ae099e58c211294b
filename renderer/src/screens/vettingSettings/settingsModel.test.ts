import { describe, expect, it } from 'vitest';
import { defaultVettingSettings, vettingSettingsFieldsSchema } from '../../../../shared/model/vetting/settings';
import { translate } from '../../i18n';
import { fromDraft, keyFor, rowId, settingsProblems, toDraft } from './settingsModel';

const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

describe('vetting settings draft', () => {
  it('round-trips the saved settings unchanged (so an untouched form is not dirty)', () => {
    expect(fromDraft(toDraft(defaultVettingSettings))).toEqual(defaultVettingSettings);
  });

  it('gives a new criterion a key from its English name, unique, and keeps saved keys when renamed', () => {
    const d = toDraft(defaultVettingSettings);
    d.rubric[0]!.label.en = 'Depth of knowledge';
    d.rubric.push({ key: null, rowId: rowId(), label: { en: 'Expertise!', id: 'Keahlian' }, weight: 1, scale: 5 });
    d.rubric.push({ key: null, rowId: rowId(), label: { en: 'Policy  impact', id: 'Dampak' }, weight: 1, scale: 4 });
    const out = fromDraft(d);
    expect(out.rubric.map((c) => c.key)).toEqual(['expertise', 'experience', 'contribution', 'communication', 'expertise_2', 'policy_impact']);
    expect(vettingSettingsFieldsSchema.safeParse(out).success).toBe(true);
  });

  it('makes keys the schema accepts from any label', () => {
    for (const label of ['Évaluation générale', '123 go', '', '—', 'Kedalaman keahlian (wajib)']) {
      const key = keyFor(label, new Set());
      expect(key, label).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    }
  });

  it('names each problem under its field, in the schema’s bounds', () => {
    const d = toDraft(defaultVettingSettings);
    d.yearsThreshold = 51;
    d.reviewersPerApplication = Number.NaN;
    const row = d.rubric[1]!;
    row.label.id = '  ';
    row.weight = 0;
    row.scale = 11;
    const p = settingsProblems(d, t);
    expect(p.yearsThreshold).toBe('Enter a whole number from 0 to 50.');
    expect(p.reviewersPerApplication).toBe('Enter a whole number from 1 to 10.');
    expect(p[`rubric.${row.rowId}.id`]).toBe('Name the criterion.');
    expect(p[`rubric.${row.rowId}.weight`]).toBe('Enter a weight from 0.01 to 100.');
    expect(p[`rubric.${row.rowId}.scale`]).toBe('Enter a whole number from 2 to 10.');
    expect(p[`rubric.${row.rowId}.en`]).toBeUndefined();
    expect(settingsProblems({ ...d, rubric: [] }, t).rubric).toBe('The rubric needs at least one criterion.');
  });

  it('finds no problem exactly where the contract finds none', () => {
    const ok = toDraft(defaultVettingSettings);
    expect(settingsProblems(ok, t)).toEqual({});
    expect(vettingSettingsFieldsSchema.safeParse(fromDraft(ok)).success).toBe(true);
  });
});
