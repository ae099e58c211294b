import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applicationDefaults } from '../../../../shared/model/vetting/application';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase } from '../../db/open';
import { appendEvent, submitApplication } from '../vetting/append';
import { PROFILE_META_KEY, vettingContext, type VettingContext } from '../vetting/context';

/**
 * Test fixture: a real database with a curator's profile and applications taken through the
 * vetting steps by appendEvent (the app's own path), on a clock the test sets, so the dates a
 * letter shows are known. Test code only.
 */

export const day = (iso: string) => Date.parse(`${iso}T03:00:00Z`); // 10:00 in Jakarta

export interface LettersFixture {
  ctx: VettingContext;
  clock: { now: number };
  setUser(id: string, fields: { name: string; role: string; country?: string | null }): void;
  actAs(id: string): void;
  /** A new application (submitted on `at`) with these fields over a Vietnamese default applicant. */
  apply(at: string, fields?: Record<string, unknown>): string;
  screen(id: string, at: string, eligible: boolean): void;
  review(id: string, at: string): void;
  decide(id: string, at: string, outcome: 'accept' | 'reject' | 'return', reason?: string): void;
  publish(id: string, at: string, sections: string[]): void;
  withdraw(id: string, at: string, reason: string): void;
  close(): void;
}

export function lettersFixture(): LettersFixture {
  const dir = mkdtempSync(join(tmpdir(), 'letters-'));
  const db = openDatabase(join(dir, 'curator.db'));
  const clock = { now: day('2026-03-01') };
  const funnel = new ChangeFunnel(db, [], () => clock.now);
  const ctx = vettingContext({ db, funnel, serverUser: () => null, changed: () => {}, now: () => clock.now });
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const at = (iso: string) => (clock.now = day(iso));
  const f: LettersFixture = {
    ctx,
    clock,
    setUser(id, u) {
      funnel.write('setup', [{ entity: 'user', id, fields: { name: u.name, role: u.role, country: u.country ?? null, disabled: false } }]);
    },
    actAs: (id) => void setMeta.run(PROFILE_META_KEY, id),
    apply(when, fields = {}) {
      at(when);
      return submitApplication(ctx, ctx.requireActor(), {
        ...applicationDefaults,
        givenName: 'Hương',
        familyName: 'Nguyễn Thị',
        nameOrder: 'family-given',
        honorific: 'Dr.',
        country: 'VN',
        nominatingCountry: 'VN',
        agency: 'Ministry of Home Affairs',
        applicantType: 'practitioner',
        source: 'curator',
        consentSections: ['career', 'expertise'],
        ...fields,
      }).id;
    },
    screen(id, when, eligible) {
      at(when);
      appendEvent(ctx, id, 'screened', eligible
        ? { criteria: [{ criterion: 'experience', met: true, note: '15 years' }], outcome: 'eligible' }
        : { criteria: [{ criterion: 'experience', met: false, note: 'Four years in the civil service' }, { criterion: 'recommendation', met: false, note: '' }, { criterion: 'declarations', met: true, note: '' }], outcome: 'not_eligible' });
    },
    review(id, when) {
      at(when);
      appendEvent(ctx, id, 'assigned', { reviewerId: 'reviewer-1' }, { reviewer: { id: 'reviewer-1', name: 'Rina Reviewer', country: 'ID', agency: 'BKN' } });
      appendEvent(ctx, id, 'review_submitted', { reviewerId: 'reviewer-1', scores: { expertise: 4 }, comments: 'Strong', recommendation: 'accept' });
    },
    decide(id, when, outcome, reason = '') {
      at(when);
      appendEvent(ctx, id, 'decided', { outcome, reason });
    },
    publish(id, when, sections) {
      at(when);
      appendEvent(ctx, id, 'published', { expertId: '01900000-0000-7000-8000-0000000e0001', sections: sections as never });
    },
    withdraw(id, when, reason) {
      at(when);
      appendEvent(ctx, id, 'withdrawn', { reason });
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  f.setUser('curator-1', { name: 'Sari Curator', role: 'curator' });
  f.actAs('curator-1');
  return f;
}
