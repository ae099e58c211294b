/**
 * Content-addressed attachments: photos (decoded and re-encoded, photos.ts) and documents
 * (checked by their bytes and kept as sent, store.ts), both stored by SHA-256 in one table.
 */
export { attachmentMime, decodeBase64, putPhoto, readAttachment, sniffImage, type PhotoMime } from './photos';
export { checkAttachment } from './check';
export { putAttachment } from './store';
export { checkRecording, putRecording } from './recording';
