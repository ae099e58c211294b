/**
 * Small real audio files built byte by byte for tests (no encoder is installed here): a WAV of a
 * sine tone, an MP3 of silent Layer III frames, an Ogg Opus stream of silent 20 ms frames (the
 * well-known F8 FF FE packet), and the container skeletons of an M4A and a WebM audio file
 * (headers and track lists as phones and MediaRecorder write them). Not used by the app.
 */

/** 16-bit mono PCM WAV: a 440 Hz tone of `seconds` at `rate` Hz. */
export function makeWav(seconds = 1, rate = 8000): Buffer {
  const n = Math.round(seconds * rate);
  const out = Buffer.alloc(44 + n * 2);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + n * 2, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) out.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return out;
}

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz mono: `frames` silent frames (1152 samples each), after an ID3v2 tag when asked. */
export function makeMp3(frames = 40, id3 = true): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]);
  const tag = Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x0a', 'latin1'), Buffer.alloc(10)]);
  return Buffer.concat([...(id3 ? [tag] : []), ...Array.from({ length: frames }, () => frame)]);
}

const OGG_CRC = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

function oggPage(type: number, granule: bigint, seq: number, packets: Buffer[]): Buffer {
  const lacing: number[] = [];
  for (const p of packets) {
    let left = p.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  const page = Buffer.concat([Buffer.alloc(27), Buffer.from(lacing), ...packets]);
  page.write('OggS', 0, 'latin1');
  page[5] = type;
  page.writeBigUInt64LE(granule, 6);
  page.writeUInt32LE(0x4155_4449, 14); // stream serial
  page.writeUInt32LE(seq, 18);
  page[26] = lacing.length;
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ OGG_CRC[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  page.writeUInt32LE(crc, 22);
  return page;
}

/** Ogg Opus, mono 48 kHz: `seconds` of silent 20 ms CELT frames. */
export function makeOggOpus(seconds = 1): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head[8] = 1;
  head[9] = 1;
  head.writeUInt16LE(312, 10);
  head.writeUInt32LE(48000, 12);
  const vendor = 'a-expecs test';
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'latin1');
  tags.writeUInt32LE(vendor.length, 8);
  tags.write(vendor, 12, 'latin1');
  const frames = Math.round(seconds * 50);
  const silent = Array.from({ length: frames }, () => Buffer.from([0xf8, 0xff, 0xfe]));
  return Buffer.concat([oggPage(2, 0n, 0, [head]), oggPage(0, 0n, 1, [tags]), oggPage(4, BigInt(312 + frames * 960), 2, silent)]);
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** An MP4 container (ftyp, moov with its movie header and one track of `handler` 'soun' or 'vide') of `seconds`. */
export function makeM4a(seconds = 2.5, handler: 'soun' | 'vide' = 'soun', brand = 'M4A '): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale (after version/flags, creation and modification times)
  mvhd.writeUInt32BE(Math.round(seconds * 1000), 16);
  const hdlr = Buffer.concat([Buffer.alloc(8), Buffer.from(handler, 'latin1'), Buffer.alloc(13)]);
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), Buffer.alloc(4), Buffer.from(`${brand}isom`, 'latin1'));
  return Buffer.concat([ftyp, box('moov', box('mvhd', mvhd), box('trak', box('mdia', box('hdlr', hdlr)))), box('mdat', Buffer.alloc(2048, 0x21))]);
}

/** A WebM header as Chromium's MediaRecorder writes it: EBML header (DocType webm), a segment with one track (2 audio, 1 video). */
export function makeWebm(trackType: 1 | 2 = 2): Buffer {
  const ebml = Buffer.from([0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, ...Buffer.from('webm'), 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]);
  const codec = Buffer.from(trackType === 2 ? 'A_OPUS' : 'V_VP8', 'latin1');
  const entry = Buffer.from([0xd7, 0x81, 0x01, 0x83, 0x81, trackType, 0x86, 0x80 | codec.length, ...codec]);
  const tracks = Buffer.from([0x16, 0x54, 0xae, 0x6b, 0x80 | (entry.length + 2), 0xae, 0x80 | entry.length, ...entry]);
  const cluster = Buffer.concat([Buffer.from([0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.alloc(512, 0x83)]);
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | ebml.length]), ebml, Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), tracks, cluster]);
}
