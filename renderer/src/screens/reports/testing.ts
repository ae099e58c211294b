import type { Input } from '../../../../shared/contract';
import { CoreBridge } from '../../test/coreBridge';
import { call } from '../applications/testing';

/** Seeds for the case-study and story screens' tests, written through the real core's methods. */

export type ReportSeed = Input<'reports.create'> & { sections?: Record<string, string>; status?: 'in_review' | 'approved' };

/** Thirty-odd words: enough for a case-study section to count as complete. */
export const longEnough =
  'The agency trained two hundred district officers in merit-based recruitment over six months, with coaching visits, a shared question bank and a review of every selection panel, which cut vacancies sharply.';

export const bruneiCase: ReportSeed = {
  type: 'case_study',
  fields: { title: 'Merit recruitment in district offices', countries: ['BN'], periodStart: '2023-01', periodEnd: '2024-06', r_people: { rating: 'strong', evidence: 'Officers report faster hiring.', sections: [] } },
  sections: { s_context: longEnough, s_problem: longEnough },
  status: 'in_review',
};
export const vietStory: ReportSeed = {
  type: 'story',
  fields: { title: 'A clerk’s first digital payroll', countries: ['VN'], periodStart: '2022-03', periodEnd: '2022-12', r_people: { rating: 'emerging', evidence: '', sections: [] } },
  sections: { s_before: 'Every month she copied the payroll by hand into three ledgers.' },
};
export const thaiCase: ReportSeed = { type: 'case_study', fields: { title: 'Open data for civil service statistics', countries: ['TH', 'LA'], periodStart: '2019-05', periodEnd: '2020-02' } };

/** A core with a curator profile (the app acts as her) and these reports. */
export async function reportsCore(seeds: ReportSeed[] = []) {
  const bridge = new CoreBridge();
  const curator = await call(bridge, 'profile.create', { name: 'Ana Curator', role: 'curator', email: '', country: null, agency: 'ACCSM Secretariat', expertise: [], declaredConflicts: [], disabled: false });
  const ids: string[] = [];
  for (const { sections, status, ...input } of seeds) {
    const { id } = await call(bridge, 'reports.create', input);
    for (const [section, text] of Object.entries(sections ?? {})) await call(bridge, 'reports.writeSection', { id, section, text, base: null, resolve: false });
    if (status === 'in_review' || status === 'approved') await call(bridge, 'reports.setStatus', { id, status: 'in_review' });
    if (status === 'approved') await call(bridge, 'reports.setStatus', { id, status: 'approved' });
    ids.push(id);
  }
  return { bridge, ids, curator };
}

/**
 * Two saves of one section from the same base, as two curators offline would make: Budi
 * Santoso's (a second curator, signed in on this device for the moment) and then Ana's. The
 * section then has two versions, each with its author.
 */
export async function concurrentSection(bridge: CoreBridge, id: string, section: string, base: string, mine: string, theirs: string) {
  const ana = (await call(bridge, 'profile.get', {})).user!.id;
  const budi = await call(bridge, 'users.save', { fields: { name: 'Budi Santoso', role: 'curator', email: '', country: null, agency: 'ACCSM Secretariat', expertise: [], declaredConflicts: [], disabled: false } });
  await call(bridge, 'profile.choose', { userId: budi.id });
  await call(bridge, 'reports.writeSection', { id, section, text: theirs, base, resolve: false });
  await call(bridge, 'profile.choose', { userId: ana });
  await call(bridge, 'reports.writeSection', { id, section, text: mine, base, resolve: false });
}

/** Signs this device in as a reviewer, who reads and comments but does not write. */
export async function actAsReviewer(bridge: CoreBridge, name = 'Mali Chai') {
  const reviewer = await call(bridge, 'users.save', { fields: { name, role: 'reviewer', email: '', country: 'TH', agency: 'OCSC', expertise: [], declaredConflicts: [], disabled: false } });
  await call(bridge, 'profile.choose', { userId: reviewer.id });
  return reviewer.id;
}

export { call };
