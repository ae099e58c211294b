import fc from 'fast-check';
import { countryCodes } from '../../../shared/model/countries';
import { expertStatuses, genders, nameOrders, portfolioKinds, proficiencies, profileSections, visibilityLevels } from '../../../shared/model/expert';

/**
 * Random edits for the convergence test (convergence.test.ts): values of every type the
 * expert, portfolio and user schemas take — text in the scripts of all ASEAN member states,
 * numbers, booleans, null, arrays and nested objects — and a few the schemas refuse.
 * Records: experts 0–3, portfolio items 4–6 (items 4 and 5 belong to expert 0, 6 to expert 1),
 * user 7. Few records, so that many edits hit the same fields.
 */

/** Words of the region: Latin with diacritics, Thai, Lao, Khmer, Myanmar, Jawi, Chinese, Tamil. */
const words = [
  'Nguyễn', 'Trần', 'Phương', 'Siti', 'Rahmawati', 'Kementerian', 'Dela', 'Cruz', 'Xanana', 'Ministériu', 'Pengiran',
  'สมชาย', 'ใจดี', 'กระทรวง', 'ສົມພອນ', 'ກະຊວງ', 'សុខ', 'ជា', 'ក្រសួង', 'အောင်', 'ကို', 'ဝန်ကြီးဌာန',
  'محمد', '陈伟明', 'முருகன்',
];
/** Prefixes the test searches for in both full-text indexes. */
export const searchWords = ['Siti', 'Nguy', 'Kem', 'สมชาย', 'ກະຊວງ', 'ក្រសួង', 'အောင်', 'Cruz', 'a', 'k', 's', 'm', 'recruit', 'manaj'];

const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const text = fc.oneof(name, fc.constant(''), fc.stringMatching(/^[A-Za-z][a-z]{0,8}( [a-z]{1,6}){0,2}$/));
const terms = ['hrm', 'hrm.recruitment', 'hrm.recruitment.computer-assisted-testing', 'digital', 'leadership', 'public-service-delivery'];
const year = fc.option(fc.integer({ min: 1950, max: 2025 }), { nil: null });

const expertField: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(fc.constantFrom('givenName', 'familyName'), name),
  fc.tuple(fc.constantFrom('agency', 'position', 'honorific', 'statusReason'), text),
  fc.tuple(fc.constant('careerSummary'), fc.array(text, { maxLength: 3 }).map((l) => l.join('\n'))),
  fc.tuple(fc.constant('otherNames'), fc.array(name, { maxLength: 3 })),
  fc.tuple(fc.constant('country'), fc.constantFrom(...countryCodes)),
  fc.tuple(fc.constant('nameOrder'), fc.constantFrom(...nameOrders)),
  fc.tuple(fc.constant('gender'), fc.option(fc.constantFrom(...genders), { nil: null })),
  fc.tuple(fc.constant('expertise'), fc.uniqueArray(fc.constantFrom(...terms), { maxLength: 3 })),
  fc.tuple(
    fc.constant('languages'),
    fc.uniqueArray(fc.record({ code: fc.constantFrom('en', 'id', 'th', 'vi', 'km', 'lo', 'my', 'ms', 'fil', 'tet', 'zh', 'ta'), proficiency: fc.constantFrom(...proficiencies) }), {
      maxLength: 3,
      selector: (l) => l.code,
    }),
  ),
  fc.tuple(fc.constant('education'), fc.array(fc.record({ qualification: name, institution: text, year }), { maxLength: 2 })),
  fc.tuple(fc.constant('yearsExperience'), fc.option(fc.integer({ min: 0, max: 70 }), { nil: null })),
  fc.tuple(fc.constant('demo'), fc.boolean()),
  fc.tuple(fc.constant('status'), fc.constantFrom(...expertStatuses)),
  fc.tuple(fc.constant('deletedAt'), fc.option(fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }), { nil: null, freq: 4 })),
  fc.tuple(
    fc.constant('visibility'),
    fc.tuple(...profileSections.map(() => fc.constantFrom(...visibilityLevels))).map((levels) => Object.fromEntries(profileSections.map((s, i) => [s, levels[i]]))),
  ),
);

const portfolioField: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(fc.constant('title'), name),
  fc.tuple(fc.constant('kind'), fc.constantFrom(...portfolioKinds)),
  fc.tuple(fc.constant('year'), year),
  fc.tuple(fc.constant('description'), text),
  fc.tuple(fc.constant('deletedAt'), fc.option(fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 }), { nil: null, freq: 4 })),
);

/**
 * Values the check by value refuses: written locally by a buggy node (of the kinds its own
 * search index survives), or sent by a node the test does not run (any kind).
 */
const badLocalField: fc.Arbitrary<[string, unknown]> = fc.constantFrom<[string, unknown]>(['givenName', 42], ['yearsExperience', -3], ['country', 'FR'], ['demo', 'yes']);
const badField: fc.Arbitrary<[string, unknown]> = fc.oneof(badLocalField, fc.constantFrom<[string, unknown]>(['expertise', 'hrm'], ['languages', [{ code: 'xx' }]]));

export interface Edit {
  actor: string;
  entity: string;
  record: number;
  fields: Record<string, unknown>;
  /** A value the check by value refuses. */
  bad?: boolean;
}

const owners = [0, 0, 1];
const expertId = (n: number) => `01900000-0000-7000-8000-${String(n + 1).padStart(12, '0')}`;
export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      actor: fc.constantFrom('curator', 'curator', 'curator', 'reviewer'),
      entity: fc.constant('expert'),
      record: fc.nat(3),
      fields: fc.array(expertField, { minLength: 1, maxLength: 3 }).map(Object.fromEntries),
    }),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ actor: fc.constant('curator'), record: fc.nat(2), move: fc.nat(4), fields: fc.array(portfolioField, { minLength: 1, maxLength: 2 }).map(Object.fromEntries) })
      .map(({ move, ...e }) => ({
        ...e,
        entity: 'portfolio',
        record: 4 + e.record,
        // Every write names the owner, so an item is never indexed under a missing expert; now
        // and then it names another (a move), which must leave the former owner's index.
        fields: { ...e.fields, expertId: expertId(move === 0 ? 1 - owners[e.record]! : owners[e.record]!) },
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      actor: fc.constant('curator'),
      entity: fc.constant('user'),
      record: fc.constant(7),
      fields: fc.record({ name, role: fc.constantFrom('admin', 'curator', 'reviewer', 'focal_point'), country: fc.option(fc.constantFrom(...countryCodes), { nil: null }), disabled: fc.boolean() }, { requiredKeys: [] }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ actor: fc.constant('curator'), entity: fc.constant('expert'), record: fc.nat(3), fields: badLocalField.map(([k, v]) => ({ [k]: v })), bad: fc.constant(true) }) },
);

/** Entries of a node the test does not run: valid, with a field from a newer app (parked), or with a bad value. */
export const phantomArb = fc.oneof(
  fc.record({ entity: fc.constant('expert'), record: fc.nat(3), fields: fc.array(expertField, { minLength: 1, maxLength: 2 }).map(Object.fromEntries) }),
  fc.record({ entity: fc.constant('expert'), record: fc.nat(3), fields: fc.constant({ mentorOf: 'x' }) }),
  fc.record({ entity: fc.constantFrom('workshop', 'expert'), record: fc.nat(3), fields: badField.map(([k, v]) => ({ [k]: v })) }),
);
