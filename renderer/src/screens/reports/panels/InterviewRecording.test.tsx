// @vitest-environment jsdom
import '../../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECORDING_BYTES } from '../../../../../shared/attachments';
import { setAttachmentToken } from '../../../api/attachments';
import { fill, setupUser } from '../../../test/renderApp';
import { call } from '../../applications/testing';
import { SourcesPanel } from './SourcesPanel';
import { reportCore, renderPanel, stored } from './testing';

/** A 16-bit mono PCM WAV of `seconds` of a tone, as a recorder writes it. */
function wav(name: string, seconds = 1, rate = 8000): File {
  const n = seconds * rate;
  const view = new DataView(new ArrayBuffer(44 + n * 2));
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + n * 2, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++) view.setInt16(44 + i * 2, Math.round(6000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  return new File([view.buffer], name, { type: 'audio/wav' });
}

describe('an interview’s recording (real core)', () => {
  // As browser mode does at start: the attachment route's key, so the player has a source.
  beforeAll(() => setAttachmentToken('launch-token-of-this-test'));

  it('attaches a WAV, plays it under an accessible name, refuses what is not audio, and removes it', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Merit-based promotion in Lao PDR' } });
    await renderPanel(SourcesPanel, { bridge, report });

    await user.click(screen.getByRole('button', { name: 'Add interview' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an interview' });
    await fill(user, within(dialog).getByRole('textbox', { name: /^Who was interviewed/ }), 'Mr Khamla Souvanh');
    const input = within(dialog).getByLabelText('Recording of the interview', { selector: 'input' });
    expect(input.getAttribute('accept')).toContain('audio/ogg');
    expect(input.getAttribute('accept')).toContain('.m4a');

    // A text file named .mp3: checked by its bytes in the core, refused, nothing attached.
    await user.upload(input, new File(['Notes typed during the interview, not a recording.'], 'interview.mp3', { type: 'audio/mpeg' }));
    expect((await within(dialog).findByTestId('recording-error', {}, { timeout: 10_000 })).textContent).toBe(
      'The file interview.mp3 is named as MP3 audio, but its contents are not. It may be damaged or renamed. Nothing was attached: attach the real recording, or save it as MP3 again.',
    );
    expect(within(dialog).queryByTestId('recording-player')).toBeNull();
    // Too large: refused before the file is read or sent.
    const sent = bridge.callsOf('reports.putRecording').length;
    await user.upload(input, new File([new Uint8Array(MAX_RECORDING_BYTES + 1)], 'two hours.wav', { type: 'audio/wav' }));
    expect((await within(dialog).findByTestId('recording-error')).textContent).toContain('the limit is 16 MB');
    expect(bridge.callsOf('reports.putRecording')).toHaveLength(sent);

    await user.upload(input, wav('Khamla 2026-10-02.wav', 2));
    const player = await within(dialog).findByTestId('recording-player', {}, { timeout: 10_000 });
    expect(within(dialog).queryByTestId('recording-error')).toBeNull();
    expect(within(player).getByLabelText('Recording of the interview with Mr Khamla Souvanh').tagName).toBe('AUDIO');
    expect(within(player).getByTestId('recording-details').textContent).toBe('(31 KB · 0:02)');
    expect(within(player).getByLabelText('Recording of the interview with Mr Khamla Souvanh').getAttribute('src')).toMatch(/^\/attachments\/[\w-]+\/[0-9a-f]{64}$/);
    await user.click(within(dialog).getByRole('button', { name: 'Save interview' }));

    await waitFor(async () => expect((await stored(bridge, report.id)).fields.interviewIds).toHaveLength(1));
    const id = (await stored(bridge, report.id)).fields.interviewIds[0]!;
    expect((await call(bridge, 'interviews.get', { id })).recording).toMatchObject({ name: 'Khamla 2026-10-02.wav', mime: 'audio/wav', durationSec: 2 });
    const row = await screen.findByTestId('interview-row');
    expect(within(row).getByLabelText('Recording of the interview with Mr Khamla Souvanh').tagName).toBe('AUDIO');

    await user.click(within(row).getByRole('button', { name: 'Edit the interview with Mr Khamla Souvanh' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit the interview' });
    await user.click(within(edit).getByRole('button', { name: 'Remove recording' }));
    await user.click(within(edit).getByRole('button', { name: 'Save interview' }));
    await waitFor(async () => expect((await call(bridge, 'interviews.get', { id })).recording).toBeNull());
  }, 90_000);

  it('says in Bahasa Indonesia that a PNG named .wav is not audio', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Sistem merit' } });
    await renderPanel(SourcesPanel, { bridge, report, locale: 'id' });
    await user.click(screen.getByRole('button', { name: 'Tambah wawancara' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tambah wawancara' });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await user.upload(within(dialog).getByLabelText('Rekaman wawancara', { selector: 'input' }), new File([png], 'foto.wav', { type: 'audio/wav' }));
    expect((await within(dialog).findByTestId('recording-error', {}, { timeout: 10_000 })).textContent).toContain('Berkas foto.wav dinamai sebagai audio WAV, tetapi isinya bukan.');
  }, 60_000);

  it('removes an interview after saying which records cite it, and shows it as removed', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Digital payroll in Cambodia' } });
    const interview = await call(bridge, 'interviews.create', { fields: { name: 'Ms Sopheap Chan', organisation: 'Ministry of Civil Service' } });
    await call(bridge, 'reports.create', { type: 'story', fields: { title: 'A clerk paid on time', interviewIds: [interview.id] } });
    const withInterview = await call(bridge, 'reports.update', { id: report.id, type: 'case_study', patch: { interviewIds: [interview.id] } });
    await renderPanel(SourcesPanel, { bridge, report: withInterview });

    const row = await screen.findByTestId('interview-row');
    await user.click(within(row).getByRole('button', { name: 'Remove the interview with Ms Sopheap Chan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the interview with Ms Sopheap Chan?' });
    const usedBy = await within(dialog).findByTestId('interview-used-by');
    expect(within(usedBy).getAllByRole('listitem').map((li) => li.textContent).sort()).toEqual(['A clerk paid on time', 'Digital payroll in Cambodia']);
    // Cancel writes nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await call(bridge, 'interviews.get', { id: interview.id })).removed).toBe(false);

    await user.click(within(row).getByRole('button', { name: 'Remove the interview with Ms Sopheap Chan' }));
    const again = await screen.findByRole('dialog', { name: 'Remove the interview with Ms Sopheap Chan?' });
    await within(again).findByTestId('interview-used-by');
    await user.click(within(again).getByRole('button', { name: 'Remove interview' }));
    await waitFor(async () => expect((await call(bridge, 'interviews.get', { id: interview.id })).removed).toBe(true));
    await waitFor(() => expect(screen.getByTestId('interview-row').textContent).toContain('Removed'), { timeout: 10_000 });
    expect(within(screen.getByTestId('interview-row')).queryByRole('button', { name: 'Edit the interview with Ms Sopheap Chan' })).toBeNull();
    expect(within(screen.getByTestId('interview-row')).getByRole('button', { name: 'Unlink the interview with Ms Sopheap Chan from this record' })).toBeTruthy();
  }, 90_000);
});
