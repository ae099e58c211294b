import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { derivedId } from './derived-id';
import { uuidv7 } from './ids';
import { idSchema } from './model/expert';

const APP = '01a22a90-658e-719d-94a9-421443ba6120';

describe('derivedId', () => {
  it('is the same for the same name, anywhere, and a UUID of version 8 the id schema accepts', () => {
    const id = derivedId(APP, ['expert', APP, 'e1']);
    expect(derivedId(APP, ['expert', APP, 'e1'])).toBe(id);
    expect(idSchema.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // A fixed value (SHA-256 of '["expert","01a22a90-…","e1"]' is f28591b935cd20389d2d…): a change of layout or of the
    // name's encoding would make two versions of the app derive different ids for one record.
    expect(id).toBe('01a22a90-658e-8f28-991b-935cd20389d2');
  });

  it('keeps the time prefix of the id it is about, so it sorts with it', () => {
    const id = derivedId(APP, ['portfolio', 'x']);
    expect(id.slice(0, 13)).toBe(APP.slice(0, 13));
    const later = uuidv7(Date.parse('2030-01-01T00:00:00Z'));
    expect(derivedId(later, ['portfolio', 'x']) > id).toBe(true);
  });

  it('differs when any part differs, or when parts are split differently', () => {
    expect(derivedId(APP, ['expert', 'a', 'b'])).not.toBe(derivedId(APP, ['expert', 'a', 'c']));
    expect(derivedId(APP, ['expert', 'ab'])).not.toBe(derivedId(APP, ['expert', 'a', 'b']));
    expect(derivedId(APP, ['expert', 'a'])).not.toBe(derivedId(APP, ['portfolio', 'a']));
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 4 }), fc.array(fc.string(), { maxLength: 4 }), (x, y) => {
        fc.pre(JSON.stringify(x) !== JSON.stringify(y));
        return derivedId(APP, x) !== derivedId(APP, y) && idSchema.safeParse(derivedId(APP, x)).success;
      }),
    );
  });

  it('refuses a time source that is not a UUID (a programming error, never data)', () => {
    expect(() => derivedId('not-an-id', ['x'])).toThrow('not a lower-case UUID');
    expect(() => derivedId(APP.toUpperCase(), ['x'])).toThrow();
  });
});
