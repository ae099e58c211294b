import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RECORDING_BYTES } from '../../../../shared/attachments';
import { makeMp3, makeWav } from '../attachments/audio-testing';
import { minimalPdf } from '../attachments/testing';
import { exchange, reportNodes } from './testing';

/** An interview's audio recording next to its signed form, through the real dispatch and a real SQLite file. */

const nodes = reportNodes();
afterEach(() => nodes.cleanup());

const base64 = (b: Buffer) => b.toString('base64');
const stored = (db: { prepare: (s: string) => { pluck: () => { get: () => unknown } } }) => db.prepare('SELECT count(*) FROM attachments').pluck().get() as number;

function world() {
  const n = nodes.node();
  const curator = n.user('Citra', 'curator');
  const reviewer = n.user('Rina', 'reviewer');
  n.as(curator);
  return { n, curator, reviewer };
}

describe('interview recordings', () => {
  it('an interview holds a recording and its form; replacing or removing one leaves the other', async () => {
    const { n } = world();
    const form = await n.call('reports.putAttachment', { name: 'consent.pdf', mime: 'application/pdf', dataBase64: base64(minimalPdf()) });
    const recording = await n.call('reports.putRecording', { name: 'BKN interview.mp3', mime: 'audio/mpeg', dataBase64: base64(makeMp3(200)) });
    expect(recording).toMatchObject({ name: 'BKN interview.mp3', mime: 'audio/mpeg', durationSec: 5.2 });
    const interview = await n.call('interviews.create', { fields: { name: 'Pak Haryo', attachment: form, recording } });
    expect(interview).toMatchObject({ attachment: form, recording });

    const wav = await n.call('reports.putRecording', { name: 'retake.wav', mime: 'audio/wav', dataBase64: base64(makeWav(3)) });
    expect((await n.call('interviews.update', { id: interview.id, patch: { recording: wav } })).recording).toEqual(wav);
    const cleared = await n.call('interviews.update', { id: interview.id, patch: { recording: null } });
    expect([cleared.recording, cleared.attachment]).toEqual([null, form]);
  });

  it('the form and the recording are separate fields: two offline edits merge', async () => {
    const { n, curator } = world();
    const other = nodes.node('other');
    other.user('Citra', 'curator');
    other.as(curator);
    const interview = await n.call('interviews.create', { fields: { name: 'Ms Dara' } });
    exchange(n, other);
    const recording = await n.call('reports.putRecording', { name: 'dara.wav', mime: 'audio/wav', dataBase64: base64(makeWav(1)) });
    await n.call('interviews.update', { id: interview.id, patch: { recording } });
    const form = await other.call('reports.putAttachment', { name: 'form.pdf', mime: 'application/pdf', dataBase64: base64(minimalPdf()) });
    await other.call('interviews.update', { id: interview.id, patch: { attachment: form } });
    exchange(n, other);
    exchange(other, n);
    for (const node of [n, other]) expect(await node.call('interviews.get', { id: interview.id })).toMatchObject({ recording: { hash: recording.hash }, attachment: { hash: form.hash } });
  });

  it('refuses what is not a recording, too large or not stored, with a stable code, and writes nothing', async () => {
    const { n, reviewer } = world();
    const interview = await n.call('interviews.create', { fields: { name: 'Mr Tan' } });
    const before = { changes: n.changeCount(), blobs: stored(n.db) };
    const text = await n.refuse('reports.putRecording', { name: 'interview.mp3', mime: 'audio/mpeg', dataBase64: base64(Buffer.from('This is the transcript, not audio.\n'.repeat(30))) });
    expect([text.code, text.details]).toEqual(['ATTACHMENT_TYPE', { claimed: 'mp3', found: null }]);
    const png = await n.refuse('reports.putRecording', { name: 'interview.wav', mime: 'audio/wav', dataBase64: base64(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')) });
    expect(png.code).toBe('ATTACHMENT_TYPE');
    // The contract refuses a body that cannot be under the limit before it is decoded; the core, one byte over.
    expect((await n.refuse('reports.putRecording', { name: 'long.wav', mime: 'audio/wav', dataBase64: 'A'.repeat(Math.ceil(MAX_RECORDING_BYTES / 3) * 4 + 4) })).code).toBe('INVALID_INPUT');
    const justOver = Buffer.concat([makeWav(1), Buffer.alloc(MAX_RECORDING_BYTES + 1 - makeWav(1).length)]);
    expect((await n.refuse('reports.putRecording', { name: 'long.wav', mime: 'audio/wav', dataBase64: base64(justOver) })).code).toBe('ATTACHMENT_TOO_LARGE');
    // A document is not a recording, and a recording not stored here is refused.
    const form = await n.call('reports.putAttachment', { name: 'consent.pdf', mime: 'application/pdf', dataBase64: base64(minimalPdf()) });
    const before2 = n.changeCount();
    const forged = await n.refuse('interviews.update', { id: interview.id, patch: { recording: { ...form, mime: 'audio/wav', durationSec: null } } });
    expect([forged.code, n.changeCount()]).toEqual(['INVALID_INPUT', before2]);
    expect((await n.refuse('interviews.update', { id: interview.id, patch: { recording: { hash: 'a'.repeat(64), name: 'x.wav', mime: 'audio/wav', bytes: 10, durationSec: null } } })).code).toBe('INVALID_INPUT');
    expect(stored(n.db)).toBe(before.blobs + 1);
    expect(n.changeCount()).toBe(before.changes);
    n.as(reviewer);
    expect((await n.refuse('reports.putRecording', { name: 'a.wav', mime: 'audio/wav', dataBase64: base64(makeWav(1)) })).code).toBe('NOT_ALLOWED');
  });
});
