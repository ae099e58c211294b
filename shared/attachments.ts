import { z } from 'zod';
import { hasHiddenCharacters } from './text/hygiene';

/**
 * Documents attached to applications (CV, recommendation letter, evidence): the kinds the app
 * accepts, their limits and the reference a record carries. The bytes themselves are a
 * content-addressed blob (stored and synced by SHA-256, like photos); a record holds only the
 * reference. Shared by the core (which checks the bytes), the renderer (which says the limits
 * before an upload) and sync (which only moves blobs of these types).
 */

/** Largest attachment accepted, in bytes, checked before anything else reads the file. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Largest image attachment by pixel count, so a small file cannot claim to decode into gigabytes. */
export const MAX_ATTACHMENT_PIXELS = 100_000_000;
/** Most entries a DOCX may list: a real document has a few dozen; more is a hostile archive. */
export const MAX_DOCX_ENTRIES = 2_000;
/** Longest stored file name, in characters (the name is shown, never used as a path). */
export const MAX_ATTACHMENT_NAME = 200;

export const attachmentKinds = ['pdf', 'docx', 'png', 'jpeg'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const attachmentMimeOf = {
  pdf: 'application/pdf',
  docx: DOCX_MIME,
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const satisfies Record<AttachmentKind, string>;
export type AttachmentMime = (typeof attachmentMimeOf)[AttachmentKind];
export const attachmentMimes = Object.values(attachmentMimeOf) as AttachmentMime[];

/** How the kinds are written at the end of a file name; a name must end in one of its kind's. */
export const attachmentExtensions: Record<AttachmentKind, readonly string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
};

/** Names for a curator or applicant, in sentences ("… is not a PDF"). */
export const attachmentKindLabel: Record<AttachmentKind, string> = { pdf: 'PDF', docx: 'Word (DOCX)', png: 'PNG', jpeg: 'JPEG' };

/** The kind a file name's extension announces, or null when it names none of ours. */
export function kindFromName(name: string): AttachmentKind | null {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim())?.[1]?.toLowerCase();
  if (!ext) return null;
  return attachmentKinds.find((k) => attachmentExtensions[k].includes(ext)) ?? null;
}

/**
 * The name as shown and stored: the last path segment only, without control or direction
 * characters, trimmed and bounded (keeping the extension). Never used as a path anywhere.
 */
export function cleanAttachmentName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
  if (clean.length <= MAX_ATTACHMENT_NAME) return clean;
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(clean)?.[0] ?? '';
  return clean.slice(0, MAX_ATTACHMENT_NAME - ext.length) + ext;
}

/** What a record stores for an attachment; the bytes are the blob named by `hash`. */
export const attachmentRefSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'This is not a stored attachment.' }),
  name: z
    .string()
    .min(1, { message: 'The file has no name.' })
    .max(MAX_ATTACHMENT_NAME, { message: `Use at most ${MAX_ATTACHMENT_NAME} characters.` })
    .refine((v) => !hasHiddenCharacters(v), { message: 'The file name contains a control character or a hidden text-direction mark.' }),
  mime: z.enum(attachmentMimes as [AttachmentMime, ...AttachmentMime[]], { message: 'Attach a PDF, DOCX, PNG or JPEG file.' }),
  bytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/**
 * Audio recordings of interviews (issue 8): a separate list, so the documents above (what an
 * applicant may upload) never include audio. Checked by their bytes like documents
 * (electron/core/services/attachments/recording.ts) and kept byte for byte.
 *
 * Limit: 16 MB, the largest blob sync moves (shared/sync/protocol.ts MAX_BLOB_BYTES, which older
 * servers and laptops also enforce), so a recording stored here always reaches the other
 * devices. That is about 35 minutes of speech at 64 kbit/s (Opus, AAC or a voice-quality MP3).
 */
export const MAX_RECORDING_BYTES = 16 * 1024 * 1024;

export const recordingKinds = ['mp3', 'm4a', 'ogg', 'wav', 'webm'] as const;
export type RecordingKind = (typeof recordingKinds)[number];

export const recordingMimeOf = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  webm: 'audio/webm',
} as const satisfies Record<RecordingKind, string>;
export type RecordingMime = (typeof recordingMimeOf)[RecordingKind];
export const recordingMimes = Object.values(recordingMimeOf) as RecordingMime[];

export const recordingExtensions: Record<RecordingKind, readonly string[]> = {
  mp3: ['mp3'],
  m4a: ['m4a', 'mp4', 'aac'],
  ogg: ['ogg', 'oga', 'opus'],
  wav: ['wav'],
  webm: ['webm', 'weba'],
};

export const recordingKindLabel: Record<RecordingKind, string> = { mp3: 'MP3', m4a: 'M4A (AAC)', ogg: 'OGG (Opus or Vorbis)', wav: 'WAV', webm: 'WebM audio' };

/** The recording kind a file name's extension announces, or null. */
export function recordingKindFromName(name: string): RecordingKind | null {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim())?.[1]?.toLowerCase();
  if (!ext) return null;
  return recordingKinds.find((k) => recordingExtensions[k].includes(ext)) ?? null;
}

/** What an interview stores for its recording; the bytes are the blob named by `hash`. */
export const recordingRefSchema = attachmentRefSchema.extend({
  mime: z.enum(recordingMimes as [RecordingMime, ...RecordingMime[]], { message: 'Attach an MP3, M4A, OGG, WAV or WebM recording.' }),
  bytes: z.number().int().min(1).max(MAX_RECORDING_BYTES),
  /** Length in seconds when the file's header says it cheaply (WAV, MP3 at a constant rate), else null. */
  durationSec: z.number().min(0).max(7 * 24 * 3600).nullable().default(null),
});
export type RecordingRef = z.infer<typeof recordingRefSchema>;

/**
 * Types a node stores when sync brings a blob: photos as stored (WebP, and PNG/JPEG from older
 * versions), every attachment kind and the interview recordings. Anything else is refused, so a
 * server cannot make a laptop hold HTML or a script under a hash.
 */
export const syncedBlobMimes: ReadonlySet<string> = new Set(['image/webp', ...attachmentMimes, ...recordingMimes]);
