import { AppError } from '../../../shared/contract/result';

/**
 * The pixel size of a PNG or JPEG from its bytes, so both renderers give an image the same
 * height for its width. Anything else is refused: documents take photos and charts as PNG or
 * JPEG only.
 */
export function imageInfo(bytes: Uint8Array): { type: 'png' | 'jpg'; width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length > 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) break;
      const marker = bytes[at + 1]!;
      const length = view.getUint16(at + 2);
      // Start-of-frame markers (baseline, progressive, ...), not DHT (C4), JPG (C8) or DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      }
      at += 2 + length;
    }
  }
  throw new AppError('INVALID_INPUT', 'An image in a document must be a PNG or JPEG file. Convert it to one of these and try again.');
}
