import PDFDocument from 'pdfkit';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test, type App } from './fixtures';
import { assignRefused, seedPeople } from './vetting-steps';
import type { ApplicationCreate } from '../shared/model/vetting';
import { translate, type Locale } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * The Applications screens against the real core in browser mode, at 1024 × 700, in English and
 * Bahasa Indonesia: the list by stage with its counts, an application opened from its row, its CV
 * viewed in the app, the screening, a conflicted reviewer refused and then assigned with a
 * recorded reason, and the timeline that shows every step. Axe checks each screen.
 */

const signed = (name: string) => ({ signedName: name, signedAt: Date.UTC(2026, 9, 1) });

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const parts: Buffer[] = [];
    doc.on('data', (b: Buffer) => parts.push(b));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.fontSize(28).text(text);
    doc.end();
  });
}

async function seed(app: App) {
  await seedPeople(app, 'Ana Curator', [
    ['Budi Santoso', 'ID', 'BKN'],
    ['Mali Chai', 'TH', 'OCSC'],
  ]);
  const cv = await app.call('applications.putAttachment', { name: 'Dewi Lestari CV.pdf', mime: 'application/pdf', dataBase64: (await pdf('Curriculum vitae: Dewi Lestari')).toString('base64') });
  const dewi: ApplicationCreate = {
    givenName: 'Dewi',
    familyName: 'Lestari',
    country: 'ID',
    nominatingCountry: 'ID',
    applicantType: 'practitioner',
    source: 'curator',
    agency: 'BKN',
    position: 'Head of Talent Management',
    yearsExperience: 15,
    recommenderName: 'Agus Pramono',
    recommenderOrganisation: 'BKN',
    recommenderBody: 'government',
    declarations: { codeOfConduct: signed('Dewi Lestari'), independence: signed('Dewi Lestari'), responsibility: signed('Dewi Lestari') },
    evidence: [{ kind: 'certificate', title: 'Certified HR Professional', year: 2019, validated: true }],
    cv,
  };
  await app.call('applications.create', { fields: dewi });
  await app.call('applications.create', { fields: { givenName: 'Thi Linh', familyName: 'Tran', nameOrder: 'family-given', country: 'VN', nominatingCountry: 'VN', applicantType: 'both', source: 'import' } });
  const somchai = await app.call('applications.create', { fields: { givenName: 'Somchai', familyName: 'Phongsa', country: 'TH', nominatingCountry: 'TH', applicantType: 'academic', source: 'import' } });
  await app.call('applications.act', { applicationId: somchai.id, type: 'screened', payload: { criteria: [{ criterion: 'publications', met: false, note: '' }], outcome: 'not_eligible' } });
}

for (const locale of ['en', 'id'] as const satisfies Locale[]) {
  test.describe(`Applications (${locale})`, () => {
    test.use({ viewport: { width: 1024, height: 700 }, locale: locale === 'id' ? 'id-ID' : 'en-GB' });

    test(`list, open, view the CV, screen, assign over a conflict with a reason, timeline (${locale})`, async ({ page, app }, testInfo) => {
      test.setTimeout(120_000);
      const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);
      await seed(app);
      await page.reload();

      // The list, by stage with counts.
      await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.applications'), exact: true }).click();
      await expect(page.getByRole('heading', { name: t('apps.title'), level: 1 })).toBeVisible();
      await expect(page.getByText(t('apps.total.other', { count: 3 }))).toBeVisible();
      const stages = page.getByRole('group', { name: t('apps.filter.stage') });
      await expect(stages.getByRole('button', { name: new RegExp(`^${t('vetting.stage.submitted')}`) })).toContainText('2');
      await expect(stages.getByRole('button', { name: new RegExp(`^${t('vetting.stage.not_eligible')}`) })).toContainText('1');
      await expectAccessible(page, testInfo, `applications-list-${locale}`);
      await saveScreenshot(page, testInfo, `applications-list-${locale}`, { fullPage: false });

      await stages.getByRole('button', { name: new RegExp(`^${t('vetting.stage.not_eligible')}`) }).click();
      await expect(page.getByRole('link', { name: /^Somchai Phongsa/ })).toBeVisible();
      await expect(page.getByRole('link', { name: /^Dewi Lestari/ })).toHaveCount(0);
      await stages.getByRole('button', { name: new RegExp(`^${t('apps.stage.all')}`) }).click();

      // Open by keyboard: the rows are links.
      const row = page.getByRole('link', { name: new RegExp(`^Dewi Lestari, ${t('vetting.stage.submitted')}`) });
      await row.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Dewi Lestari', level: 1 })).toBeVisible();

      // The CV, in the app.
      await page.getByRole('button', { name: t('apps.doc.viewNamed', { name: t('apps.doc.cv') }) }).click();
      const viewer = page.getByRole('dialog', { name: 'Dewi Lestari CV.pdf' });
      const frame = viewer.getByTitle('Dewi Lestari CV.pdf');
      await expect(frame).toBeVisible();
      const src = await frame.getAttribute('src');
      const served = await page.request.get(new URL(src!, page.url()).toString());
      expect(served.headers()).toMatchObject({ 'content-type': 'application/pdf', 'content-disposition': 'inline', 'x-content-type-options': 'nosniff' });
      expect(served.headers()['content-security-policy']).toMatch(/^sandbox/);
      await saveScreenshot(page, testInfo, `application-cv-${locale}`, { fullPage: false });
      await page.keyboard.press('Escape');
      await expect(viewer).toBeHidden();

      // Screening: confirm each criterion, with a note where the pre-check could not tell.
      const form = page.getByRole('form', { name: t('apps.screening.form') });
      await expectAccessible(page, testInfo, `application-page-${locale}`);
      await saveScreenshot(page, testInfo, `application-page-${locale}`);
      const recommendation = form.getByRole('radiogroup', { name: t('vetting.criterion.recommendation') });
      await recommendation.getByRole('radio', { name: t('apps.check.met'), exact: true }).check();
      await form.getByRole('textbox', { name: t('apps.screening.note', { criterion: t('vetting.criterion.recommendation') }) }).fill('Letter seen on paper.');
      await form.getByRole('radio', { name: t('apps.screening.outcome.eligible'), exact: true }).check();
      await form.getByRole('button', { name: t('apps.screening.submit') }).click();
      await expect(page.getByRole('status', { name: t('apps.stage.label') })).toHaveText(t('vetting.stage.eligible'));

      // A conflicted reviewer is refused; assigned anyway with a reason, which is recorded.
      const dialog = await assignRefused(page, t, 'Budi Santoso', t('vetting.interest.SAME_AGENCY', { detail: 'BKN' }));
      await expectAccessible(page, testInfo, `application-assign-refused-${locale}`);
      await saveScreenshot(page, testInfo, `application-assign-refused-${locale}`, { fullPage: false });
      await dialog.getByRole('textbox', { name: t('apps.assign.overrideReason') }).fill('Only reviewer who reads the documents in Bahasa Indonesia.');
      await dialog.getByRole('button', { name: t('apps.assign.anyway') }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status', { name: t('apps.stage.label') })).toHaveText(t('vetting.stage.in_review'));

      // The timeline says who did what, in order.
      const timeline = page.getByRole('list', { name: t('apps.section.timeline') });
      await expect(timeline.getByRole('listitem')).toHaveCount(3);
      await expect(timeline.getByRole('listitem').nth(1)).toContainText(t('apps.event.screened', { outcome: t('apps.screening.outcome.eligible') }));
      await expect(timeline.getByRole('listitem').nth(2)).toContainText(
        t('apps.event.assignedOverride', { reviewer: 'Budi Santoso', reason: 'Only reviewer who reads the documents in Bahasa Indonesia.' }),
      );
      await expect(timeline.getByRole('listitem').nth(2)).toContainText('Ana Curator');
      await expectAccessible(page, testInfo, `application-timeline-${locale}`);
      await timeline.scrollIntoViewIfNeeded();
      await saveScreenshot(page, testInfo, `application-timeline-${locale}`, { fullPage: false });
    });
  });
}
