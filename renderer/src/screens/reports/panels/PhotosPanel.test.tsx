// @vitest-environment jsdom
import '../../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fill, setupUser } from '../../../test/renderApp';
import { PhotosPanel } from './PhotosPanel';
import { reportCore, renderPanel, stored } from './testing';

/** Real 1×1 PNGs of two colours, so the core decodes them and they get different hashes. */
const RED = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const BLUE = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const png = (b64: string, name: string) => new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'image/png' });

describe('PhotosPanel (real core)', () => {
  it('adds photos through the photo pipeline, saves caption, credit and description, reorders and removes', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Digital payroll in Cambodia' } });
    await renderPanel(PhotosPanel, { bridge, report });
    expect(screen.getByTestId('photos-empty')).toBeTruthy();

    await user.upload(screen.getByLabelText('Add photos…'), [png(RED, 'workshop.png'), png(BLUE, 'office.png')]);
    await waitFor(async () => expect((await stored(bridge, report.id)).fields.photos).toHaveLength(2), { timeout: 10_000 });
    const [first, second] = (await stored(bridge, report.id)).fields.photos;
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.hash).not.toBe(second!.hash);
    expect(bridge.callsOf('attachments.putPhoto')).toHaveLength(2);

    const cards = await screen.findAllByTestId('report-photo');
    await fill(user, within(cards[0]!).getByRole('textbox', { name: 'Caption' }), 'Payroll officers at the provincial workshop');
    await fill(user, within(cards[0]!).getByRole('textbox', { name: /^Credit/ }), 'MCS Cambodia');
    await fill(user, within(cards[0]!).getByRole('textbox', { name: /^Description/ }), 'Six officers around a laptop');
    await user.tab();
    await waitFor(async () =>
      expect((await stored(bridge, report.id)).fields.photos[0]).toEqual({ hash: first!.hash, caption: 'Payroll officers at the provincial workshop', credit: 'MCS Cambodia', alt: 'Six officers around a laptop' }),
    );

    // The first cannot move up; moving it down swaps the two.
    expect((within(cards[0]!).getByRole('button', { name: 'Move photo 1 up' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(cards[0]!).getByRole('button', { name: 'Move photo 1 down' }));
    await waitFor(async () => expect((await stored(bridge, report.id)).fields.photos.map((p) => p.hash)).toEqual([second!.hash, first!.hash]));

    await user.click(screen.getByRole('button', { name: 'Remove photo 1' }));
    await waitFor(async () => expect((await stored(bridge, report.id)).fields.photos.map((p) => p.hash)).toEqual([first!.hash]));
    expect(screen.getAllByTestId('report-photo')).toHaveLength(1);
  }, 90_000);

  it('refuses a file that is not an image, by name, and writes nothing', async () => {
    // The file dialog's type filter can be switched to "All files": the panel must refuse what comes through.
    const user = userEvent.setup({ delay: null, applyAccept: false });
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'A new clinic', anonymised: true } });
    await renderPanel(PhotosPanel, { bridge, report });
    // Anonymised: the panel says the photos are never exported.
    expect(screen.getByText(/never exported/)).toBeTruthy();

    // A text file, and a text file that claims to be a PNG (the core decodes and refuses it).
    const text = new File(['minutes of the meeting'], 'minutes.txt', { type: 'text/plain' });
    const disguised = new File(['<html>not a picture</html>'], 'disguised.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText('Add photos…'), [text, disguised]);
    const alert = await screen.findByTestId('photos-error', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('minutes.txt is not an image. Nothing was added for it.');
    expect(alert.textContent).toContain('disguised.png was not added: This file is not a PNG, JPEG or WebP image.');
    expect((await stored(bridge, report.id)).fields.photos).toEqual([]);
    expect(bridge.callsOf('reports.update')).toHaveLength(0);
  }, 60_000);
});
