import { createHash } from 'node:crypto';
import {
  cleanAttachmentName,
  MAX_RECORDING_BYTES,
  recordingKindFromName,
  recordingKindLabel,
  recordingMimeOf,
  type RecordingKind,
  type RecordingRef,
} from '../../../../shared/attachments';
import { AppError } from '../../../../shared/contract/result';
import type { Db } from '../../db/open';
import { audioDuration, firstMp3Frame, wavFormat } from './audio-headers';

/**
 * Interview recordings (issue 8): decides by its bytes what an audio file is and refuses it
 * unless it is the kind its name says. Kept byte for byte in the same content-addressed store
 * as documents and photos, so sync moves it like any blob (shared/attachments.ts syncedBlobMimes).
 * The checks read container headers only (no decoding): enough to refuse a text file, an image
 * or a video renamed .mp3, and cheap on a 16 MB file.
 */

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1', from, Math.min(to, b.length));

/** ISO base media brands an audio-only MP4 (.m4a) is written with by phones, laptops and recorders. */
const MP4_AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'mp41', 'mp42', 'isom', 'iso2', 'iso4', 'iso5', 'iso6', 'dash']);

type Sniffed = RecordingKind | 'video' | 'pdf' | 'png' | 'jpeg' | 'zip' | null;

function sniffMp4(b: Uint8Array): Sniffed {
  if (ascii(b, 4, 8) !== 'ftyp') return null;
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const handlers: string[] = [];
  for (let p = buf.indexOf('hdlr'); p >= 0 && handlers.length < 64; p = buf.indexOf('hdlr', p + 4)) handlers.push(ascii(b, p + 12, p + 16));
  if (handlers.includes('vide')) return 'video';
  const boxSize = buf.readUInt32BE(0);
  const brands = [ascii(b, 8, 12)];
  for (let p = 16; p + 4 <= Math.min(boxSize, b.length, 256); p += 4) brands.push(ascii(b, p, p + 4));
  // The sound track's handler is in the movie box, which a complete file has (at the start or the end).
  return brands.some((x) => MP4_AUDIO_BRANDS.has(x)) && handlers.includes('soun') ? 'm4a' : null;
}

function sniffOgg(b: Uint8Array): Sniffed {
  if (ascii(b, 0, 4) !== 'OggS' || b[4] !== 0 || b.length < 28) return null;
  const payload = 27 + b[26]!;
  const head = ascii(b, payload, payload + 8);
  if (head === 'OpusHead' || head.startsWith('\x01vorbis')) return 'ogg';
  // Theora (video) or anything else carried in Ogg.
  return head.startsWith('\x80theora') ? 'video' : null;
}

function sniffWebm(b: Uint8Array): Sniffed {
  if (!(b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3)) return null;
  const header = Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 64));
  // DocType (0x4282) "webm"; a Matroska (.mkv/.mka) file says "matroska".
  const doc = header.indexOf(Buffer.from([0x42, 0x82]));
  if (doc < 0 || !ascii(b, doc + 3, doc + 3 + 4).startsWith('webm')) return null;
  // A video track: TrackType (0x83) of size 1 (0x81) with value 1, looked for in the track list
  // only (before the first Cluster, 0x1F43B675), where it cannot be a chance match in the audio.
  const all = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const cluster = all.indexOf(Buffer.from([0x1f, 0x43, 0xb6, 0x75]));
  const tracks = all.subarray(0, cluster >= 0 ? cluster : Math.min(all.length, 65_536));
  return tracks.includes(Buffer.from([0x83, 0x81, 0x01])) ? 'video' : 'webm';
}

/** What the bytes are; `null` when they are none of the kinds named. */
export function sniffRecording(b: Uint8Array): Sniffed {
  if (b.length < 12) return null;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return wavFormat(b) ? 'wav' : null;
  const mp4 = sniffMp4(b);
  if (mp4) return mp4;
  const ogg = sniffOgg(b);
  if (ogg) return ogg;
  const webm = sniffWebm(b);
  if (webm) return webm;
  if (ascii(b, 0, 5) === '%PDF-') return 'pdf';
  if (b[0] === 0x89 && ascii(b, 1, 4) === 'PNG') return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 4) === 'PK\x03\x04') return 'zip';
  return firstMp3Frame(b) !== null ? 'mp3' : null;
}

const foundLabel: Record<Exclude<Sniffed, null>, string> = { ...recordingKindLabel, video: 'video', pdf: 'PDF', png: 'PNG image', jpeg: 'JPEG image', zip: 'ZIP or Office' };
const typeError = (message: string, details: Record<string, unknown>) => new AppError('ATTACHMENT_TYPE', message, undefined, details);

/** The kind, type and (when cheaply known) length of a recording, or an AppError (ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE). */
export function checkRecording(name: string, bytes: Uint8Array): { kind: RecordingKind; mime: (typeof recordingMimeOf)[RecordingKind]; durationSec: number | null } {
  if (bytes.length > MAX_RECORDING_BYTES) {
    throw new AppError(
      'ATTACHMENT_TOO_LARGE',
      `The recording ${name} is ${mb(bytes.length)}; the limit is ${mb(MAX_RECORDING_BYTES)}. Save it at a lower quality for speech (for example 64 kbit/s mono) or split it, and attach it again.`,
      undefined,
      { bytes: bytes.length, limit: MAX_RECORDING_BYTES },
    );
  }
  const claimed = recordingKindFromName(name);
  if (!claimed) {
    throw typeError(`The file ${name} is not an audio recording the app accepts: attach an MP3, M4A, OGG, WAV or WebM audio file.`, { claimed: null });
  }
  const label = recordingKindLabel[claimed];
  if (bytes.length === 0) throw typeError(`The file ${name} is empty. Attach the ${label} recording again.`, { claimed });
  const found = sniffRecording(bytes);
  if (found !== claimed) {
    const what = found === 'video' ? 'its contents are a video, not audio only' : found ? `its contents are a ${foundLabel[found]} file` : 'its contents are not audio';
    throw typeError(`The file ${name} is named as ${label} audio, but ${what}. It may be damaged or renamed: attach the real recording, or save it as ${label} again.`, {
      claimed,
      found,
    });
  }
  return { kind: found, mime: recordingMimeOf[found], durationSec: audioDuration(found, bytes) };
}

/** Stores a checked recording byte for byte (once per content); nothing is written when a check fails. */
export function putRecording(db: Db, name: string, bytes: Uint8Array, now = Date.now()): RecordingRef {
  const shown = cleanAttachmentName(name);
  if (!shown) throw new AppError('ATTACHMENT_TYPE', 'The file has no name. Give it a name ending in .mp3, .m4a, .ogg, .wav or .webm and attach it again.', undefined, { claimed: null });
  const { mime, durationSec } = checkRecording(shown, bytes);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hash = createHash('sha256').update(data).digest('hex');
  db.prepare('INSERT OR IGNORE INTO attachments (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, mime, data.length, data, now);
  return { hash, name: shown, mime, bytes: data.length, durationSec };
}
