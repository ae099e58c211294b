import { expectAccessible } from './axe';
import { expect, saveScreenshot, test } from './fixtures';
import { startAppInstance, startSyncServer, type AppInstance, type SyncServer } from './fixtures-sync';
import { translate } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * Issue 7's conflict, end to end through a REAL central server: two curators' laptops and a
 * reviewer's laptop, each its own browser-mode app with its own data folder, enrolled on the
 * server. The application is screened and assigned on one laptop, reviewed on the reviewer's,
 * and synced to both curators. With the server down, one curator accepts and the other rejects
 * (two decisions from the same state). Once both have synced, the conflict shows in the inbox;
 * the curator resolves it in the window (1024×700, by role and label, axe-checked), and after
 * another sync the other laptop agrees: no conflict, the kept decision. Setup goes through the
 * core's methods; the resolution goes through the window.
 */

let server: SyncServer | null = null;
const apps: AppInstance[] = [];
test.afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await server?.close();
  server = null;
});

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const signed = { signedName: 'Siti Rahayu', signedAt: Date.UTC(2026, 9, 1) };

/** Syncs now and waits until this laptop sent everything and finished a sync after the call. */
async function synced(app: AppInstance): Promise<void> {
  const since = Date.now();
  await app.call('sync.now', {});
  await expect
    .poll(async () => {
      const s = await app.call('sync.status', {});
      return s.state === 'idle' && s.waiting === 0 && (s.lastSyncedAt ?? 0) >= since;
    }, { timeout: 60_000 })
    .toBe(true);
}

test('two curators decide one application offline; the conflict shows on both once synced and is resolved in the window', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  server = await startSyncServer();
  const codes = {
    ana: await server.addUser({ name: 'Ana Curator', email: 'ana@accsm.example', role: 'curator' }),
    ben: await server.addUser({ name: 'Ben Curator', email: 'ben@accsm.example', role: 'curator' }),
    rita: await server.addUser({ name: 'Rita Reviewer', email: 'rita@csc.example', role: 'reviewer', country: 'PH' }),
  };
  const [a, b, r] = [await startAppInstance(browser, 'ana'), await startAppInstance(browser, 'ben'), await startAppInstance(browser, 'rita')];
  apps.push(a, b, r);
  for (const [app, code] of [[a, codes.ana], [b, codes.ben], [r, codes.rita]] as const) await app.call('sync.enroll', { serverUrl: server.url, code });
  const rita = (await r.call('sync.status', {})).user!;
  // Each laptop's first sync (it brings the users' records) runs after enrolling.
  for (const app of [a, b, r]) await synced(app);

  // Ana enters, screens and assigns; Rita reviews on her own laptop; both curators receive it all.
  const application = await a.call('applications.create', {
    fields: {
      givenName: 'Siti', familyName: 'Rahayu', country: 'ID', nominatingCountry: 'ID', applicantType: 'academic', source: 'curator', yearsExperience: 14,
      recommenderName: 'Budi Santoso', recommenderOrganisation: 'Ministry of Home Affairs', recommenderBody: 'government',
      declarations: { codeOfConduct: signed, independence: signed, responsibility: signed },
      evidence: [{ kind: 'publication', title: 'Merit systems in the civil service', year: 2021 }],
    },
  });
  const criteria = (['experience', 'recommendation', 'declarations', 'publications'] as const).map((criterion) => ({ criterion, met: true, note: '' }));
  await a.call('applications.act', { applicationId: application.id, type: 'screened', payload: { criteria, outcome: 'eligible' } });
  await a.call('applications.act', { applicationId: application.id, type: 'assigned', payload: { reviewerId: rita.id } });
  await synced(a);
  await synced(r);
  await r.call('applications.act', {
    applicationId: application.id,
    type: 'review_submitted',
    payload: { reviewerId: rita.id, scores: { expertise: 4, experience: 4, contribution: 3, communication: 3 }, comments: 'Solid publications.', recommendation: 'accept' },
  });
  await synced(r);
  for (const curator of [a, b]) {
    await synced(curator);
    expect((await curator.call('applications.get', { id: application.id })).state.reviews).toHaveLength(1);
  }

  // The server goes down (a workshop without a network): each curator decides differently.
  await server.stop();
  await a.call('applications.act', { applicationId: application.id, type: 'decided', payload: { outcome: 'accept', reason: 'Strong record of publications.' } });
  await b.call('applications.act', { applicationId: application.id, type: 'decided', payload: { outcome: 'reject', reason: 'Too few publications.' } });
  await server.start();
  await synced(b);
  await synced(a);
  await synced(b);
  for (const curator of [a, b]) expect((await curator.call('vetting.conflicts', {})).items.map((c) => c.id)).toEqual([application.id]);

  // Ana's accept put the applicant in the directory, and it reached Ben's laptop too.
  const accepted = (await b.call('experts.search', { query: 'Siti Rahayu' })).items;
  expect(accepted.map((e) => e.displayName)).toEqual(['Siti Rahayu']);

  // Ana resolves it in the window.
  const page = a.page;
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.reload();
  const nav = page.getByRole('navigation', { name: t('nav.main') });
  await expect(nav.getByLabel(t('oversight.conflicts.badge', { count: 1 }))).toBeVisible();
  await nav.getByRole('link', { name: new RegExp(`^${t('nav.conflicts')}`) }).click();
  await expect(page.getByRole('heading', { name: t('oversight.conflicts.title'), level: 1 })).toBeVisible();
  const sides = page.getByRole('table', { name: t('oversight.conflicts.sidesCaption', { name: 'Siti Rahayu' }) });
  await expect(sides).toContainText('Ana Curator');
  await expect(sides).toContainText('Ben Curator');
  await expectAccessible(page, testInfo, 'conflict-inbox');
  await saveScreenshot(page, testInfo, 'conflict-inbox', { fullPage: false });

  await page.getByRole('button', { name: t('oversight.conflicts.resolveNamed', { name: 'Siti Rahayu' }) }).click();
  const dialog = page.getByRole('dialog', { name: t('oversight.conflicts.resolveTitle', { name: 'Siti Rahayu' }) });
  await dialog.getByRole('radio', { name: /Ben Curator/ }).check();
  await dialog.getByRole('textbox', { name: t('oversight.conflicts.reason') }).fill('Discussed with the secretariat: two publications are too few.');
  await expectAccessible(page, testInfo, 'conflict-resolve');
  await saveScreenshot(page, testInfo, 'conflict-resolve', { fullPage: false });
  await dialog.getByRole('button', { name: t('oversight.conflicts.confirm') }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(t('oversight.conflicts.empty'))).toBeVisible();

  // The resolution reaches the other laptop: no conflict there either, and the kept decision stands.
  await synced(a);
  await synced(b);
  expect((await b.call('vetting.conflicts', {})).items).toEqual([]);
  const onBen = await b.call('applications.get', { id: application.id });
  expect(onBen.state.stage).toBe('rejected');
  expect(onBen.state.decision).toMatchObject({ outcome: 'reject', reason: 'Discussed with the secretariat: two publications are too few.' });
  // The expert the overturned accept made is archived, with the reason, on both laptops (never deleted).
  for (const app of [a, b]) {
    const expert = await app.call('experts.get', { id: accepted[0]!.id });
    expect(expert.status).toBe('archived');
    expect(expert.statusReason).toContain('rejected when concurrent decisions were resolved');
  }
  await b.page.reload();
  await b.page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: new RegExp(`^${t('nav.conflicts')}`) }).click();
  await expect(b.page.getByText(t('oversight.conflicts.empty'))).toBeVisible();
});
