import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentRefSchema, MAX_RECORDING_BYTES, recordingMimes, recordingRefSchema, syncedBlobMimes } from '../../../../shared/attachments';
import { AppError } from '../../../../shared/contract/result';
import { MAX_BLOB_BYTES } from '../../../../shared/sync/protocol';
import { openDatabase, type Db } from '../../db/open';
import { makeM4a, makeMp3, makeOggOpus, makeWav, makeWebm } from './audio-testing';
import { putAttachment, putRecording, readAttachment } from './index';
import { minimalPdf } from './testing';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-recording-'));
  db = openDatabase(join(dir, 'curator.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => db.prepare('SELECT COUNT(*) FROM attachments').pluck().get() as number;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Runs `put` and returns its AppError, asserting that nothing reached the store. */
function refused(put: () => unknown): AppError {
  const before = stored();
  let error: unknown = null;
  try {
    put();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect(stored()).toBe(before);
  return error as AppError;
}

describe('putRecording accepts the audio the secretariat records, by its bytes', () => {
  it.each([
    ['interview.wav', makeWav(1.5), 'audio/wav', 1.5],
    ['interview.mp3', makeMp3(40), 'audio/mpeg', 1],
    ['plain-frames.MP3', makeMp3(80, false), 'audio/mpeg', 2.1],
    // A tagger's zero padding between the ID3 tag and the first frame.
    ['padded.mp3', Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x0a', 'latin1'), Buffer.alloc(10 + 300), makeMp3(40, false)]), 'audio/mpeg', 1],
    ['voice-note.ogg', makeOggOpus(2), 'audio/ogg', 2],
    ['voice-note.opus', makeOggOpus(1), 'audio/ogg', 1],
    ['phone.m4a', makeM4a(2.5), 'audio/mp4', 2.5],
    ['laptop.mp4', makeM4a(3, 'soun', 'mp42'), 'audio/mp4', 3],
    ['browser.webm', makeWebm(), 'audio/webm', null],
  ])('%s → %s, %s s', (name, bytes, mime, seconds) => {
    const ref = putRecording(db, name, bytes);
    expect(recordingRefSchema.parse(ref)).toEqual(ref);
    expect(ref).toMatchObject({ hash: sha(bytes), name, mime, bytes: bytes.length, durationSec: seconds });
    // Kept byte for byte, with the type found in its bytes.
    expect(readAttachment(db, ref.hash)).toEqual({ mime, bytes });
    putRecording(db, `copy of ${name}`, bytes);
    expect(stored()).toBe(1);
  });

  it('every recording type is moved by sync and fits in one sync blob', () => {
    for (const mime of recordingMimes) expect(syncedBlobMimes.has(mime)).toBe(true);
    expect(MAX_RECORDING_BYTES).toBeLessThanOrEqual(MAX_BLOB_BYTES);
  });
});

describe('putRecording refuses, with a stable code and a sentence, and stores nothing', () => {
  it('a text file named .mp3', () => {
    const error = refused(() => putRecording(db, 'interview.mp3', Buffer.from('Transcript of the interview with the Civil Service Commission.\n'.repeat(20))));
    expect(error.code).toBe('ATTACHMENT_TYPE');
    expect(error.details).toEqual({ claimed: 'mp3', found: null });
    expect(error.message).toBe('The file interview.mp3 is named as MP3 audio, but its contents are not audio. It may be damaged or renamed: attach the real recording, or save it as MP3 again.');
  });

  it('a PNG named .wav, a WAV named .mp3, a PDF named .ogg', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } }).png().toBuffer();
    expect(refused(() => putRecording(db, 'interview.wav', png)).details).toEqual({ claimed: 'wav', found: 'png' });
    expect(refused(() => putRecording(db, 'interview.mp3', makeWav())).details).toEqual({ claimed: 'mp3', found: 'wav' });
    expect(refused(() => putRecording(db, 'interview.ogg', minimalPdf())).details).toEqual({ claimed: 'ogg', found: 'pdf' });
  });

  it('a video, even in an audio container or named as audio', () => {
    expect(refused(() => putRecording(db, 'meeting.mp4', makeM4a(3, 'vide', 'mp42'))).details).toEqual({ claimed: 'm4a', found: 'video' });
    expect(refused(() => putRecording(db, 'meeting.webm', makeWebm(1))).message).toContain('its contents are a video, not audio only');
  });

  it('a name that is no audio kind, an empty file, no name', () => {
    const notAudio = refused(() => putRecording(db, 'interview.txt', makeWav()));
    expect(notAudio.code).toBe('ATTACHMENT_TYPE');
    expect(notAudio.details).toEqual({ claimed: null });
    expect(refused(() => putRecording(db, 'interview.wav', Buffer.alloc(0))).message).toBe('The file interview.wav is empty. Attach the WAV recording again.');
    expect(refused(() => putRecording(db, '   ', makeWav())).code).toBe('ATTACHMENT_TYPE');
  });

  it('damaged headers: a lone MPEG sync word, a WAV without its format chunk, Ogg carrying something else', () => {
    const lone = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0xc4]), Buffer.from('not a second frame'.repeat(40))]);
    expect(refused(() => putRecording(db, 'x.mp3', lone)).details).toEqual({ claimed: 'mp3', found: null });
    const noFmt = makeWav();
    noFmt.write('junk', 12, 'latin1');
    expect(refused(() => putRecording(db, 'x.wav', noFmt)).code).toBe('ATTACHMENT_TYPE');
    const other = makeOggOpus();
    other.write('OpusTail', 28, 'latin1');
    expect(refused(() => putRecording(db, 'x.ogg', other)).details).toEqual({ claimed: 'ogg', found: null });
  });

  it('a recording over 16 MB, before its bytes are read', () => {
    const big = Buffer.concat([makeWav(1), Buffer.alloc(MAX_RECORDING_BYTES)]);
    const error = refused(() => putRecording(db, 'two hours.wav', big));
    expect(error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(error.details).toEqual({ bytes: big.length, limit: MAX_RECORDING_BYTES });
    expect(error.message).toContain('the limit is 16.0 MB');
  });
});

describe('documents stay documents', () => {
  it("an application's upload still refuses audio, and a document ref cannot name an audio type", async () => {
    const before = stored();
    const error = await putAttachment(db, 'cv.mp3', makeMp3()).catch((e: unknown) => e as AppError);
    expect((error as AppError).code).toBe('ATTACHMENT_TYPE');
    expect(stored()).toBe(before);
    expect(attachmentRefSchema.safeParse({ hash: 'a'.repeat(64), name: 'cv.wav', mime: 'audio/wav', bytes: 10 }).success).toBe(false);
  });
});
