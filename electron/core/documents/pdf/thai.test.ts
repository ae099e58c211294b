import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../testing/reader';
import { renderPdf } from './render';
import { splitSaraAm } from './thai';

describe('Thai SARA AM', () => {
  it('is cut out of a word where no mark sits above the letter before it', () => {
    expect(splitSaraAm('สำนักงาน')).toEqual(['ส', 'ำ', 'นักงาน']);
    expect(splitSaraAm('กำลัง')).toEqual(['ก', 'ำ', 'ลัง']);
    expect(splitSaraAm('น้ำ')).toEqual(['น้ำ']);
    expect(splitSaraAm('ราชการ')).toEqual(['ราชการ']);
  });

  it('reads back from the PDF as written, and SARA AA after a shaped one is not lost', async () => {
    const file = join(tmpdir(), `thai-${process.pid}.pdf`);
    writeFileSync(file, await renderPdf({ title: 'T', blocks: [{ kind: 'paragraph', text: 'น้ำ มา สำนักงาน ทำ กำลัง' }] }));
    const text = await pdfText(file);
    // After a tone mark the sign stays shaped (its marks stack right): it reads back with an extra SARA AA.
    expect(text).toContain('มา สำนักงาน ทำ กำลัง');
  });
});
