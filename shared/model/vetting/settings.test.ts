import { describe, expect, it } from 'vitest';
import { defaultVettingSettings, scoreProblems, settingsFrom, vettingSettingsFieldsSchema, weightedScore } from './settings';

const rubric = [
  { key: 'depth', label: { en: 'Depth', id: 'Kedalaman' }, weight: 3, scale: 5 },
  { key: 'reach', label: { en: 'Reach', id: 'Jangkauan' }, weight: 1, scale: 3 },
];

describe('vetting settings', () => {
  it('start from valid defaults and fill what a stored record lacks or holds wrongly', () => {
    expect(vettingSettingsFieldsSchema.safeParse(defaultVettingSettings).success).toBe(true);
    expect(settingsFrom({ yearsThreshold: 7, reviewersPerApplication: 'many' })).toEqual({ ...defaultVettingSettings, yearsThreshold: 7 });
    expect(settingsFrom(null)).toEqual(defaultVettingSettings);
  });

  it('check a review against the rubric: every criterion, within its scale, nothing else', () => {
    expect(scoreProblems({ depth: 5, reach: 3 }, rubric)).toEqual([]);
    expect(scoreProblems({ depth: 6, extra: 1 }, rubric)).toEqual([
      { code: 'SCORE_OUT_OF_SCALE', criterion: 'depth' },
      { code: 'MISSING_SCORE', criterion: 'reach' },
      { code: 'UNKNOWN_CRITERION', criterion: 'extra' },
    ]);
    expect(scoreProblems({ depth: 2.5, reach: 0 }, rubric).map((p) => p.code)).toEqual(['SCORE_OUT_OF_SCALE', 'SCORE_OUT_OF_SCALE']);
  });

  it('weigh the scores from 0 (all lowest) to 1 (all highest)', () => {
    expect(weightedScore({ depth: 1, reach: 1 }, rubric)).toBe(0);
    expect(weightedScore({ depth: 5, reach: 3 }, rubric)).toBe(1);
    expect(weightedScore({ depth: 5, reach: 1 }, rubric)).toBe(0.75);
    expect(weightedScore({ depth: 5 }, rubric)).toBeNull();
  });
});
