// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { base64Bytes, saveFile } from './saveFile';

describe('saveFile', () => {
  it('decodes base64 to the exact bytes, including high bytes', () => {
    expect([...base64Bytes(btoa(String.fromCharCode(0, 127, 128, 255)))]).toEqual([0, 127, 128, 255]);
  });

  it('downloads the bytes under the file name given', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/1';
    });
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    saveFile({ fileName: 'letter-Siti.pdf', mime: 'application/pdf', dataBase64: btoa('%PDF-1.7') });
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'letter-Siti.pdf' }]);
    expect(blobs[0]!.type).toBe('application/pdf');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs[0]!);
    });
    expect(text).toBe('%PDF-1.7');
    expect(document.querySelector('a[download]')).toBeNull();
    create.mockRestore();
    click.mockRestore();
  });
});
