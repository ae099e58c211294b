import { describe, expect, it } from 'vitest';
import { makeOggOpus, makeWav } from '../services/attachments/audio-testing';
import { minimalPdf } from '../services/attachments/testing';
import { syncTestbed } from './testing';

/** An interview's recording and form reach the other devices through the real server, like photos do. */

const { start, server, syncNow, enroll } = syncTestbed();

describe('interview recordings travel as blobs', () => {
  it('to a device already syncing (pulled with the change) and to one enrolling later (from the snapshot)', async () => {
    const central = await server();
    const ana = await central.user({ name: 'Ana Reyes' });
    const budi = await central.user({ name: 'Budi Santoso' });
    const citra = await central.user({ name: 'Citra Dewi' });
    const a = start();
    const b = start();
    await enroll(a, central.url, ana.code);
    await enroll(b, central.url, budi.code);

    const wav = makeWav(2);
    const recording = await a.call('reports.putRecording', { name: 'Interview KemenPANRB.wav', mime: 'audio/wav', dataBase64: wav.toString('base64') });
    const form = await a.call('reports.putAttachment', { name: 'consent.pdf', mime: 'application/pdf', dataBase64: minimalPdf().toString('base64') });
    const interview = await a.call('interviews.create', { fields: { name: 'Ibu Sari Wulandari', organisation: 'KemenPANRB', recording, attachment: form } });
    expect(interview.recording).toEqual({ ...recording, durationSec: 2 });
    await syncNow(a);
    expect(await central.store.blobsMissing([recording.hash, form.hash])).toEqual([]);

    await syncNow(b);
    expect((await b.call('interviews.get', { id: interview.id })).recording?.hash).toBe(recording.hash);
    expect(await b.core.attachmentFile(recording.hash)).toEqual({ mime: 'audio/wav', bytes: new Uint8Array(wav) });

    // Replaced on b by an Ogg Opus recording: a gets the new bytes back.
    const ogg = makeOggOpus(1);
    const second = await b.call('reports.putRecording', { name: 'retake.ogg', mime: 'audio/ogg', dataBase64: ogg.toString('base64') });
    await b.call('interviews.update', { id: interview.id, patch: { recording: second } });
    await syncNow(b);
    await syncNow(a);
    expect((await a.call('interviews.get', { id: interview.id })).recording).toMatchObject({ name: 'retake.ogg', mime: 'audio/ogg' });
    expect((await a.core.attachmentFile(second.hash))?.mime).toBe('audio/ogg');

    const c = start();
    await enroll(c, central.url, citra.code);
    expect((await c.call('interviews.get', { id: interview.id })).recording?.hash).toBe(second.hash);
    expect((await c.core.attachmentFile(second.hash))?.bytes).toEqual(new Uint8Array(ogg));
    expect((await c.core.attachmentFile(form.hash))?.mime).toBe('application/pdf');
  });
});
