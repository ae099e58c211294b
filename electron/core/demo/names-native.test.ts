import { describe, expect, it } from 'vitest';
import { foldText } from '../../../shared/text/fold';
import { nativeRuns, romanize } from '../../../shared/text/romanize';
import { personName, type Gender } from './names';
import { TH_GIVEN } from './names-mainland';
import { KH_NATIVE, LA_NATIVE, MM_NATIVE, TH_GIVEN_NATIVE } from './names-native';
import { Rng } from './prng';

const SCRIPT = { TH: 'thai', LA: 'lao', KH: 'khmer', MM: 'myanmar' } as const;

describe('native-script demo names', () => {
  it('are written wholly in the country’s script, and compose the same parts as the romanised name', () => {
    const rng = new Rng(21);
    for (const country of ['TH', 'LA', 'KH', 'MM'] as const) {
      for (let i = 0; i < 400; i++) {
        const gender: Gender = i % 2 ? 'female' : 'male';
        const n = personName(rng, country, gender);
        const native = n.native as string;
        expect(native, `${n.givenName} ${n.familyName}`).toBeTruthy();
        expect(foldText(native)).toBe(native);
        const runs = nativeRuns(native);
        expect(runs.map((r) => r.run).join(' ')).toBe(native);
        for (const r of runs) expect(r.script).toBe(SCRIPT[country]);
        if (country === 'TH') expect(native.startsWith(`${TH_GIVEN_NATIVE[n.givenName]} `)).toBe(true);
        if (country === 'LA') expect(native.startsWith(`${LA_NATIVE[n.givenName]} `)).toBe(true);
        if (country === 'KH') expect(native).toBe(`${KH_NATIVE[n.familyName]} ${KH_NATIVE[n.givenName]}`);
        if (country === 'MM') expect(native).toBe(n.givenName.split(' ').map((w) => MM_NATIVE[w]).join(''));
      }
    }
  });

  it('give other countries no native spelling', () => {
    const rng = new Rng(3);
    for (const country of ['VN', 'ID', 'MY', 'PH', 'SG', 'BN', 'TL'] as const) expect(personName(rng, country, 'female').native).toBeUndefined();
  });

  /**
   * How often the romaniser finds a name part from the way it is customarily romanised: the
   * whole romanised spelling typed, or its first four letters. The figures are where the
   * romaniser stands today (Myanmar, Lao and Khmer by our own rules, Thai through
   * @dehoist/romanize-thai with two readings added); a change that lowers one fails here.
   */
  it('are found by their romanised spelling, as often as each script’s romaniser allows', () => {
    const share = (table: Record<string, string>, letters?: number) => {
      const entries = Object.entries(table).filter(([roman]) => /^[A-Z]/.test(roman));
      const found = entries.filter(([roman, native]) => {
        const query = roman.toLowerCase().replace(/[^a-z]/g, '').slice(0, letters);
        return romanize(native).some((form) => form.startsWith(query));
      });
      return found.length / entries.length;
    };
    expect(share(MM_NATIVE)).toBe(1);
    expect(share(LA_NATIVE)).toBeGreaterThanOrEqual(0.9);
    expect(share(LA_NATIVE, 4)).toBeGreaterThanOrEqual(0.95);
    expect(share(TH_GIVEN_NATIVE)).toBeGreaterThanOrEqual(0.45);
    expect(share(TH_GIVEN_NATIVE, 4)).toBeGreaterThanOrEqual(0.65);
    expect(share(KH_NATIVE)).toBeGreaterThanOrEqual(0.7);
    expect(share(KH_NATIVE, 4)).toBeGreaterThanOrEqual(0.8);
    // Thai given names by their popular spelling (Siriporn rather than RTGS Siriphon).
    const popular = Object.fromEntries([...TH_GIVEN.male, ...TH_GIVEN.female].map(([rtgs, pop]) => [pop, TH_GIVEN_NATIVE[rtgs] as string]));
    expect(share(popular)).toBeGreaterThanOrEqual(0.35);
    expect(share(popular, 4)).toBeGreaterThanOrEqual(0.45);
  });
});
