import { describe, expect, it } from 'vitest';
import { attachmentKey as serverAttachmentKey } from '../../../electron/web/attachments';
import { photoKey } from '../../../electron/web/photos';
import { attachmentKey, attachmentUrl, setAttachmentToken } from './attachments';

const hash = '0123456789abcdef'.repeat(4);

describe('attachment URLs', () => {
  it('derive the same per-launch key as the browser-mode server, distinct from the photo key and the token', async () => {
    for (const token of ['abc', 'x'.repeat(43), 'tōken-with-ünicode']) {
      const key = await attachmentKey(token);
      expect(key).toBe(serverAttachmentKey(token));
      expect(key).not.toBe(photoKey(token));
      expect(key).not.toContain(token);
    }
  });

  it('name the keyed route in browser mode once the key is derived', async () => {
    await setAttachmentToken('launch-token');
    expect(attachmentUrl(hash)).toBe(`/attachments/${serverAttachmentKey('launch-token')}/${hash}`);
  });
});
