import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './distance';
import { matchProfile } from './profile';
import { formWithout, formWithWord, MAX_SLIP_WORD, oneSlipAway, slippedParticle } from './slips';

describe('oneSlipAway', () => {
  it('gives the words one letter dropped, added, replaced or two neighbours swapped', () => {
    const v = oneSlipAway('atn');
    for (const w of ['tan', 'at', 'tn', 'an', 'aton', 'atnn', 'ain', 'btn']) expect(v).toContain(w);
    expect(v).not.toContain('atn');
    expect(v).not.toContain('nta');
  });

  it('is every word at edit distance one and no other, for Latin words only', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), (word) => {
        const v = oneSlipAway(word);
        expect(new Set(v).size).toBe(v.length);
        for (const w of v) expect(editDistance(word, w, 1)).toBe(1);
        // Every letter dropped, but never down to nothing.
        for (let i = 0; i < word.length && word.length > 1; i++) expect(v).toContain(word.slice(0, i) + word.slice(i + 1));
      }),
      { numRuns: 100 },
    );
    expect(oneSlipAway('สมชาย')).toEqual([]);
    expect(oneSlipAway('a'.repeat(MAX_SLIP_WORD + 1))).toEqual([]);
  });
});

describe('formWithWord', () => {
  it('reads one word as another, spelled as the person’s country spells it, and nothing else', () => {
    const [form] = matchProfile({ givenName: 'Kim Bee', familyName: 'aTn', nameOrder: 'family-given', otherNames: [], email: '', phone: '', country: 'SG' }).forms;
    const fixed = formWithWord({ ...form!, unknown: [2] }, 2, 'tan', 'SG');
    expect(fixed.tokens).toEqual(['kim', 'bee', 'tan']);
    expect(fixed.typed).toEqual(form!.typed);
    expect(fixed.unknown).toBeUndefined();
    const [old] = matchProfile({ givenName: 'Djoko', familyName: 'Santoso', nameOrder: 'given-family', otherNames: [], email: '', phone: '', country: 'ID' }).forms;
    expect(formWithWord(old!, 1, 'soesilo', 'ID').tokens[1]).toBe('susilo');
  });
});

describe('slippedParticle and formWithout', () => {
  it('reads a particle or title with a letter doubled or two neighbours swapped as that word, and no name as one', () => {
    expect(['binnti', 'bitni', 'haaji', 'pengirran'].map(slippedParticle)).toEqual(['binti', 'binti', 'haji', 'pengiran']);
    // Names one slip from a particle are names: Hadi (haji), Bing (bin), Ali (al); the particle itself is no slip.
    expect(['hadi', 'bing', 'ali', 'binti', 'nurul'].map(slippedParticle)).toEqual([null, null, null, null, null]);
  });

  it('leaves a word out of a form and reports it as ignored', () => {
    const [form] = matchProfile({ givenName: 'Nurul Atikah binnti Zaki', familyName: '', nameOrder: 'given-only', otherNames: [], email: '', phone: '', country: 'MY' }).forms;
    const without = formWithout(form!, 2);
    expect(without.tokens).toEqual(['nurul', 'atikah', 'zaki']);
    expect(without.typed).toEqual(['nurul', 'atikah', 'zaki']);
    expect(without.sounds).toHaveLength(3);
    expect(without.ignored).toEqual(['binnti']);
  });
});
