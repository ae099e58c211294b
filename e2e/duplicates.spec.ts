import { expectAccessible } from './axe';
import { expect, saveScreenshot, test, type App } from './fixtures';
import { seedPeople } from './vetting-steps';
import type { ExpertCreate } from '../shared/model/expert';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * Duplicate candidates on the application page, against the real core in browser mode at
 * 1024 × 700, in English and Bahasa Indonesia: a re-applicant with a new e-mail and a new
 * workplace, whose name two experts bear, is told apart by the degree only one of them holds;
 * the curator marks that one "same person" and the namesake "different", by keyboard, and the
 * application keeps the match.
 */

const degree = (institution: string, year: number) => [{ qualification: 'Sarjana Ekonomi', institution, year }];

async function seed(app: App) {
  await seedPeople(app, 'Ana Curator');
  const experts: ExpertCreate[] = [
    { givenName: 'Dewi', familyName: 'Lestari', country: 'ID', gender: 'female', agency: 'KPK', email: 'dewi.lestari@kpk.go.id', education: degree('Universitas Gadjah Mada', 2004) },
    { givenName: 'Dewi', familyName: 'Lestari', country: 'ID', gender: 'female', agency: 'BKN', email: 'dewi.l@bkn.go.id', education: degree('Universitas Indonesia', 2010) },
    // The country's other experts: the degree is rare among them, so it singles one Dewi Lestari out.
    ...['Agus Pramono', 'Budi Santoso', 'Eko Wibowo', 'Joko Susilo', 'Rudi Hartono', 'Arif Hidayat', 'Bayu Saputra', 'Dian Permata', 'Fajar Nugroho', 'Hendra Gunawan'].map(
      (name, i): ExpertCreate => ({ givenName: name.split(' ')[0]!, familyName: name.split(' ')[1]!, country: 'ID', agency: i % 2 ? 'LAN' : 'BKN', education: degree('Universitas Indonesia', 2010) }),
    ),
  ];
  const ids: string[] = [];
  for (const expert of experts) ids.push((await app.call('experts.create', { expert })).id);
  const application = await app.call('applications.create', {
    fields: {
      givenName: 'Dewi',
      familyName: 'Lestari',
      country: 'ID',
      gender: 'female',
      agency: 'Kementerian Dalam Negeri',
      email: 'dewi.lestari.70@mail.example',
      education: [{ qualification: 'S.E.', institution: 'Universitas Gadjah Mada', year: 2004 }],
      nominatingCountry: 'ID',
      applicantType: 'practitioner',
      source: 'curator',
    },
  });
  return { kpk: ids[0]!, bkn: ids[1]!, applicationId: application.id };
}

for (const locale of ['en', 'id'] as const satisfies Locale[]) {
  test.describe(`Duplicate candidates (${locale})`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`a namesake told apart by a degree, marked same and different by keyboard (${locale})`, async ({ page, app }, testInfo) => {
      test.setTimeout(120_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      const { kpk, bkn, applicationId } = await seed(app);
      await page.reload();

      await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.applications'), exact: true }).click();
      await page.getByRole('link', { name: new RegExp(`^Dewi Lestari, ${t('vetting.stage.submitted')}`) }).click();
      await expect(page.getByRole('heading', { name: 'Dewi Lestari', level: 1 })).toBeVisible();

      const panel = page.getByRole('region', { name: t('apps.section.duplicates') });
      const atKpk = panel.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Dewi Lestari' }) }).filter({ hasText: 'KPK' }).first();
      const atBkn = panel.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Dewi Lestari' }) }).filter({ hasText: 'BKN' }).first();
      await expect(atKpk).toContainText(t('apps.duplicates.likely'));
      await expect(atKpk).toContainText(t('apps.match.degree_only_namesake', { institution: 'Universitas Gadjah Mada', year: 2004, count: 2 }));
      // The namesake shares the name and the country only: shown, but not as likely.
      await expect(atBkn).toContainText(t('apps.match.name_same'));
      await expect(atBkn).not.toContainText(t('apps.duplicates.likely'));
      await atKpk.scrollIntoViewIfNeeded();
      await expectAccessible(page, testInfo, `duplicates-${locale}`);
      await saveScreenshot(page, testInfo, `duplicates-${locale}`, { fullPage: false });

      // Keyboard only: each button says whom it marks, by name and workplace.
      const same = panel.getByRole('button', { name: t('apps.duplicates.sameNamed', { name: 'Dewi Lestari (KPK)' }) });
      await same.focus();
      await page.keyboard.press('Enter');
      await expect(atKpk.getByText(t('apps.duplicates.same'), { exact: true })).toBeVisible();
      const different = panel.getByRole('button', { name: t('apps.duplicates.differentNamed', { name: 'Dewi Lestari (BKN)' }) });
      await different.focus();
      await page.keyboard.press('Enter');
      await expect(atBkn.getByText(t('apps.duplicates.different'), { exact: true })).toBeVisible();
      await expect(panel.getByRole('button', { name: t('apps.duplicates.clearNamed', { name: 'Dewi Lestari (KPK)' }) })).toBeVisible();

      // Stored: the application is matched to the expert at KPK, and accepting it would update them.
      const stored = await app.call('applications.get', { id: applicationId });
      expect(stored.fields.matchedExpertId).toBe(kpk);
      expect(stored.fields.duplicateMarks).toEqual([
        { entity: 'expert', id: kpk, verdict: 'same' },
        { entity: 'expert', id: bkn, verdict: 'different' },
      ]);
      await saveScreenshot(page, testInfo, `duplicates-marked-${locale}`, { fullPage: false });
    });
  });
}
