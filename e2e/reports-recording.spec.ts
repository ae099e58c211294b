import type { Locator, Page } from '@playwright/test';
import { makeMp3, makeOggOpus, makeWav } from '../electron/core/services/attachments/audio-testing';
import { expectAccessible } from './axe';
import { expect, saveScreenshot, test, type App } from './fixtures';
import { seedPeople } from './vetting-steps';
import { translate } from '../renderer/src/i18n/translate';
import type { MessageKey } from '../renderer/src/i18n/en';

/**
 * An interview's audio recording in browser mode at 1024 × 700, by role and label only: a file
 * that is not audio is refused with the message that says so; a WAV is attached, plays in the
 * page's own <audio> player (its metadata loads over the attachment route, seekable by byte
 * ranges), and is still there after a reload. Recordings in OGG Opus and MP3 stored by the core
 * play in this Chromium too.
 */

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);
const title = 'Merit-based promotion in Lao PDR';

async function seed(app: App) {
  await seedPeople(app, 'Ana Curator');
  const put = (name: string, mime: string, bytes: Buffer) => app.call('reports.putRecording', { name, mime, dataBase64: bytes.toString('base64') });
  const ogg = await app.call('interviews.create', { fields: { name: 'Ms Noy Phommachanh', organisation: 'Ministry of Home Affairs', recording: await put('noy.ogg', 'audio/ogg', makeOggOpus(3)) } });
  const mp3 = await app.call('interviews.create', { fields: { name: 'Mr Bounmy Keo', organisation: 'Lao Civil Service Institute', recording: await put('bounmy.mp3', 'audio/mpeg', makeMp3(120)) } });
  await app.call('reports.create', { type: 'case_study', fields: { title, countries: ['LA'], interviewIds: [ogg.id, mp3.id] } });
}

/** What the page's player knows once its metadata has loaded: readyState ≥ 1 (HAVE_METADATA), the duration, how far it can seek. */
async function playerState(audio: Locator) {
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  return audio.evaluate((a: HTMLAudioElement) => ({ duration: a.duration, seekableEnd: a.seekable.length ? a.seekable.end(0) : 0, error: a.error?.code ?? null }));
}

async function openSources(page: Page) {
  await page.getByRole('navigation', { name: t('nav.main') }).getByRole('link', { name: t('nav.reports'), exact: true }).click();
  await page.getByRole('link', { name: new RegExp(`^${title}`) }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: t('reports.tab.sources') }).click();
}

test.use({ viewport: { width: 1024, height: 700 }, locale: 'en-GB' });

test('attach a WAV recording to an interview, play it, keep it after a reload; a file that is not audio is refused', async ({ page, app }, testInfo) => {
  test.setTimeout(120_000);
  await seed(app);
  await page.reload();
  await openSources(page);

  // Recordings stored by the core in other formats play here too.
  for (const [name, seconds] of [['Ms Noy Phommachanh', 3], ['Mr Bounmy Keo', 3.1]] as const) {
    const state = await playerState(page.getByRole('listitem').filter({ hasText: name }).getByLabel(t('reportPanels.recording.playerNamed', { name })));
    expect.soft(state.error, name).toBeNull();
    expect.soft(Math.abs(state.duration - seconds), name).toBeLessThan(0.2);
  }

  await page.getByRole('button', { name: t('reportPanels.interviews.add') }).click();
  const dialog = page.getByRole('dialog', { name: t('reportPanels.interview.addTitle') });
  await dialog.getByRole('textbox', { name: t('reportPanels.interview.name') }).fill('Dr Khamla Souvanh');
  await dialog.getByRole('textbox', { name: t('reportPanels.interview.organisation') }).fill('Department of Civil Service');
  const input = dialog.getByLabel(t('reportPanels.recording.label'), { exact: true });

  // Not audio: the typed notes saved as .mp3. Refused by its bytes, nothing attached.
  await input.setInputFiles({ name: 'interview.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('Notes typed during the interview, not a recording.\n'.repeat(10)) });
  await expect(dialog.getByRole('alert')).toHaveText(
    'The file interview.mp3 is named as MP3 audio, but its contents are not. It may be damaged or renamed. Nothing was attached: attach the real recording, or save it as MP3 again.',
  );
  await expect(dialog.getByRole('link', { name: t('reportPanels.recording.save', { name: 'interview.mp3' }) })).toHaveCount(0);

  await input.setInputFiles({ name: 'Khamla 2026-10-02.wav', mimeType: 'audio/wav', buffer: makeWav(4, 8000) });
  const player = dialog.getByLabel(t('reportPanels.recording.playerNamed', { name: 'Dr Khamla Souvanh' }));
  await expect(player).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.getByText('(63 KB · 0:04)', { exact: true })).toBeVisible();
  const inDialog = await playerState(player);
  expect(inDialog).toMatchObject({ error: null, duration: 4 });
  // Seekable to the end: the route answers byte ranges.
  expect(inDialog.seekableEnd).toBeCloseTo(4, 1);
  // Keyboard: the player is the next stop after the recording's name (its own controls take the keys).
  await dialog.getByRole('link', { name: t('reportPanels.recording.save', { name: 'Khamla 2026-10-02.wav' }) }).focus();
  await page.keyboard.press('Tab');
  expect(await player.evaluate((a) => document.activeElement === a)).toBe(true);
  await saveScreenshot(page, testInfo, 'interview-recording-dialog', { fullPage: false });
  await dialog.getByRole('button', { name: t('reportPanels.interview.save') }).click();
  // Saving stores the recording's bytes first: longer than the default 5 s on a loaded machine (a hang limit).
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const row = page.getByRole('listitem').filter({ hasText: 'Dr Khamla Souvanh' });
  await expect(row.getByLabel(t('reportPanels.recording.playerNamed', { name: 'Dr Khamla Souvanh' }))).toBeVisible();

  await page.reload();
  await openSources(page);
  const kept = page.getByRole('listitem').filter({ hasText: 'Dr Khamla Souvanh' });
  await expect(kept.getByRole('link', { name: t('reportPanels.recording.save', { name: 'Khamla 2026-10-02.wav' }) })).toBeVisible();
  expect(await playerState(kept.getByLabel(t('reportPanels.recording.playerNamed', { name: 'Dr Khamla Souvanh' })))).toMatchObject({ error: null, duration: 4 });
  await kept.scrollIntoViewIfNeeded();
  await saveScreenshot(page, testInfo, 'interview-recordings-list', { fullPage: false });
  await expectAccessible(page, testInfo, 'interview-recordings-list');

  // Removing an interview says which records cite it; it then shows as removed, its recording kept.
  const bounmy = page.getByRole('listitem').filter({ hasText: 'Mr Bounmy Keo' });
  await bounmy.getByRole('button', { name: t('reportPanels.interviews.removeNamed', { name: 'Mr Bounmy Keo' }) }).click();
  const confirm = page.getByRole('dialog', { name: t('reportPanels.interviews.removeTitle', { name: 'Mr Bounmy Keo' }) });
  await expect(confirm.getByRole('list', { name: t('reportPanels.interviews.removeUsedBy') })).toContainText(title);
  await saveScreenshot(page, testInfo, 'interview-remove-confirm', { fullPage: false });
  await confirm.getByRole('button', { name: t('reportPanels.interviews.removeConfirm') }).click();
  await expect(confirm).toBeHidden();
  await expect(bounmy).toContainText(t('reportPanels.interviews.removed'));
  await expect(bounmy.getByRole('button', { name: t('reportPanels.interviews.removeNamed', { name: 'Mr Bounmy Keo' }) })).toHaveCount(0);
});
