import type { RecordingKind } from '../../../../shared/attachments';

/**
 * Reading audio container headers without decoding: an MPEG audio frame header, a WAV's chunk
 * list, an Ogg stream's last granule position, an MP4's movie header. Used to recognise the
 * kinds (recording.ts) and to tell the curator a recording's length where that is cheap.
 */

const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1', from, Math.min(to, b.length));

// Layer III bitrates in kbit/s by index: MPEG-1, then MPEG-2 and 2.5.
const L3_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const L3_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES = [44100, 48000, 32000];

export interface Mp3Frame {
  length: number;
  samples: number;
  sampleRate: number;
}

/** The MPEG-1/2/2.5 Layer III frame starting at `at`, or null when the bytes there are not one. */
export function mp3FrameAt(b: Uint8Array, at: number): Mp3Frame | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1]! >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
  const layer = (b[at + 1]! >> 1) & 3; // 1: Layer III
  const bitrateIndex = b[at + 2]! >> 4;
  const rateIndex = (b[at + 2]! >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const v1 = version === 3;
  const sampleRate = RATES[rateIndex]! / (v1 ? 1 : version === 2 ? 2 : 4);
  const kbps = (v1 ? L3_V1 : L3_V2)[bitrateIndex]!;
  const padding = (b[at + 2]! >> 1) & 1;
  const length = Math.floor(((v1 ? 144 : 72) * kbps * 1000) / sampleRate) + padding;
  return { length, samples: v1 ? 1152 : 576, sampleRate };
}

/** A WAV's format chunk (PCM or other codes) and data size, walking its RIFF chunks; null if it has none. */
export function wavFormat(b: Uint8Array): { byteRate: number; dataBytes: number | null } | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let byteRate: number | null = null;
  let dataBytes: number | null = null;
  for (let p = 12, n = 0; p + 8 <= b.length && n < 64; n++) {
    const id = ascii(b, p, p + 4);
    const size = view.getUint32(p + 4, true);
    if (id === 'fmt ' && size >= 16 && p + 24 <= b.length) {
      const channels = view.getUint16(p + 10, true);
      const rate = view.getUint32(p + 12, true);
      if (channels < 1 || rate < 1000 || rate > 384_000) return null;
      byteRate = view.getUint32(p + 16, true);
    }
    if (id === 'data') {
      dataBytes = Math.min(size, b.length - p - 8);
      break;
    }
    p += 8 + size + (size & 1);
  }
  return byteRate ? { byteRate, dataBytes } : null;
}

/** The ID3v2 tag's total length at the start of an MP3 (0 without one), its footer included. */
function id3Length(b: Uint8Array): number {
  if (ascii(b, 0, 3) !== 'ID3' || b.length < 10) return 0;
  const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
  return 10 + size + (b[5]! & 0x10 ? 10 : 0);
}

/**
 * Where the MP3's first frame starts: after the ID3 tag, allowing the padding some taggers leave
 * (zero bytes, up to 4 KB), and only where a second frame follows the first (or the file ends): a lone
 * 0xFFE… pair is common in any binary file; two frames back to back are an MP3. Null if none.
 */
export function firstMp3Frame(b: Uint8Array): number | null {
  const start = id3Length(b);
  for (let p = start; p < Math.min(b.length, start + 4096); p++) {
    const frame = mp3FrameAt(b, p);
    if (frame && (p + frame.length >= b.length || mp3FrameAt(b, p + frame.length))) return p;
    // Only zero bytes (a tagger's padding) may come before the first frame.
    if (b[p] !== 0) return null;
  }
  return null;
}

function mp3Seconds(b: Uint8Array): number | null {
  let samples = 0;
  let rate = 0;
  let p = firstMp3Frame(b) ?? b.length;
  // Walking the frames counts VBR files right too; ~40,000 header reads for 16 MB.
  for (let frame = mp3FrameAt(b, p); frame; frame = mp3FrameAt(b, p)) {
    samples += frame.samples;
    rate = frame.sampleRate;
    p += frame.length;
  }
  return rate ? samples / rate : null;
}

function oggSeconds(b: Uint8Array): number | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const last = buf.lastIndexOf('OggS');
  if (last < 0 || last + 14 > b.length) return null;
  const granule = Number(buf.readBigUInt64LE(last + 6));
  const head = 27 + b[26]!;
  if (ascii(b, head, head + 8) === 'OpusHead') {
    const preSkip = buf.readUInt16LE(head + 10);
    return Math.max(0, granule - preSkip) / 48000; // Opus granules always count 48 kHz samples.
  }
  const rate = buf.readUInt32LE(head + 12); // Vorbis identification header: sample rate after version and channels.
  return rate ? granule / rate : null;
}

function mp4Seconds(b: Uint8Array): number | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const p = buf.indexOf('mvhd');
  if (p < 0 || p + 32 > b.length) return null;
  const v1 = b[p + 4] === 1;
  const scale = buf.readUInt32BE(p + (v1 ? 24 : 16));
  const duration = v1 ? Number(buf.readBigUInt64BE(p + 28)) : buf.readUInt32BE(p + 20);
  return scale ? duration / scale : null;
}

/** The recording's length in seconds where its headers say it cheaply; null for WebM (MediaRecorder writes none) or when unsure. */
export function audioDuration(kind: RecordingKind, b: Uint8Array): number | null {
  let seconds: number | null = null;
  if (kind === 'wav') {
    const wav = wavFormat(b);
    seconds = wav?.dataBytes != null && wav.byteRate ? wav.dataBytes / wav.byteRate : null;
  } else if (kind === 'mp3') seconds = mp3Seconds(b);
  else if (kind === 'ogg') seconds = oggSeconds(b);
  else if (kind === 'm4a') seconds = mp4Seconds(b);
  return seconds != null && Number.isFinite(seconds) && seconds >= 0 && seconds <= 7 * 24 * 3600 ? Math.round(seconds * 10) / 10 : null;
}
