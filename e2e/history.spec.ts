import { makePng } from '../electron/web/testing';
import { E2E_ACTOR, expect, saveScreenshot, test } from './fixtures';

test('edit a field and see its history: the old value, who changed it and when', async ({ page, app, directory, expertPage, form }, testInfo) => {
  const created = await app.call('experts.create', {
    expert: { givenName: 'Somchai', familyName: 'Wongsakul', country: 'TH', position: 'Deputy Secretary-General', agency: 'Office of the Civil Service Commission' },
  });
  await page.reload();
  await directory.openExpert('Somchai Wongsakul');
  await expertPage.expectLoaded('Somchai Wongsakul');

  await expertPage.edit();
  await expect(form.position).toHaveValue('Deputy Secretary-General');
  await form.position.fill('Secretary-General');
  await form.save();

  await expertPage.expectLoaded('Somchai Wongsakul');
  await expect(page.getByText('Secretary-General, Office of the Civil Service Commission')).toBeVisible();
  const stored = await app.call('experts.get', { id: created.id });
  expect(stored.position).toBe('Secretary-General');

  await expertPage.openHistory();
  const position = expertPage.historyOf('Position');
  await expect(position).toBeVisible();
  const entries = expertPage.historyEntries('Position');
  await expect(entries).toHaveCount(2);
  // Newest first: the current value, then the value it replaced.
  await expect(entries.nth(0)).toContainText('Secretary-General');
  await expect(entries.nth(0)).toContainText('Current');
  await expect(entries.nth(1)).toContainText('Deputy Secretary-General');
  await expect(entries.nth(1)).not.toContainText('Current');

  // Who and when, as the core recorded them, formatted the way the page formats dates.
  const { fields } = await app.call('experts.history', { id: created.id });
  const recorded = fields.find((f) => f.entity === 'expert' && f.field === 'position')!.entries;
  expect(recorded).toHaveLength(2);
  for (const [i, value] of ['Secretary-General', 'Deputy Secretary-General'].entries()) {
    const entry = recorded.find((e) => e.value === value)!;
    expect(entry.actor).toBe(E2E_ACTOR);
    const when = await page.evaluate(
      (at) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(at),
      entry.at,
    );
    await expect(entries.nth(i)).toContainText(`${when} · by ${E2E_ACTOR}`);
  }
  // It opens on the fields that were edited; the others, shown on demand, have one entry only.
  await expect(expertPage.historyOf('Agency')).toHaveCount(0);
  await expertPage.showAllHistory();
  await expect(expertPage.historyEntries('Agency')).toHaveCount(1);
  await position.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'history', { fullPage: false });
});

test('photo changes show in the history as thumbnails', async ({ page, app, directory, expertPage }) => {
  const first = await app.call('attachments.putPhoto', { mime: 'image/png', dataBase64: makePng(48, 48, [200, 60, 60]).toString('base64') });
  const second = await app.call('attachments.putPhoto', { mime: 'image/png', dataBase64: makePng(48, 48, [60, 60, 200]).toString('base64') });
  const created = await app.call('experts.create', { expert: { givenName: 'Chea', familyName: 'Sophany', country: 'KH', photo: { hash: first.hash, mime: first.mime } } });
  await app.call('experts.update', { id: created.id, patch: { photo: { hash: second.hash, mime: second.mime } } });
  await page.reload();
  await directory.openExpert('Chea Sophany');
  await expertPage.openHistory();
  const photo = expertPage.historyOf('Photo');
  const thumbnails = photo.getByRole('img', { name: /^Photo as of / });
  await expect(thumbnails).toHaveCount(2);
  // Each version's own photo, loaded from the photo route as a thumbnail (not base64 in JSON).
  for (const thumbnail of await thumbnails.all()) {
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(thumbnail).toHaveAttribute('src', /\/photos\/[^/]+\/\d+\/[0-9a-f]{64}\.webp$/);
  }
  const sources = await thumbnails.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
  expect(new Set(sources).size).toBe(2);
  // Times to the second: "29 Nov 2026, 13:21:05".
  await expect(photo.getByText(/\d{1,2}:\d{2}:\d{2} · by /).first()).toBeVisible();
});
