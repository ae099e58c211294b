import { describe, expect, it } from 'vitest';
import { barLength } from './layout';
import { barValue, tocEntries, type DocumentModel } from './model';
import { layoutPdf } from './pdf/render';

const model = (blocks: DocumentModel['blocks']): DocumentModel => ({ title: 'T', blocks });

describe('tables of contents', () => {
  it('list the headings after the toc block up to its depth, not those before it', () => {
    const m = model([
      { kind: 'heading', level: 1, text: 'Before' },
      { kind: 'toc', title: 'Contents', depth: 2 },
      { kind: 'heading', level: 1, text: [{ text: 'One ' }, { text: 'bold', bold: true }] },
      { kind: 'heading', level: 3, text: 'Deep' },
      { kind: 'heading', level: 2, text: 'Two' },
    ]);
    expect(tocEntries(m)).toEqual([
      { block: 2, level: 1, text: 'One bold' },
      { block: 4, level: 2, text: 'Two' },
    ]);
    expect(tocEntries({ ...m, blocks: m.blocks.map((b) => (b.kind === 'toc' ? { ...b, depth: 1 as const } : b)) }).map((e) => e.text)).toEqual(['One bold']);
    expect(tocEntries(model([{ kind: 'heading', level: 1, text: 'No toc' }]))).toEqual([]);
  });

  it('get the pages the PDF puts the headings on, the cover counted as page 1', async () => {
    const m: DocumentModel = {
      ...model([
        { kind: 'toc', title: 'Contents' },
        { kind: 'heading', level: 1, text: 'A', newPage: true },
        { kind: 'heading', level: 2, text: 'A.1' },
        { kind: 'heading', level: 1, text: 'B', newPage: true },
      ]),
      cover: { subtitle: ['Sub'] },
    };
    expect((await layoutPdf(m)).tocPages).toEqual([3, 3, 4]);
  });
});

describe('bar charts', () => {
  it('give each bar its share of the largest value, and none to zero', () => {
    expect(barLength(50, 200, 100)).toBe(25);
    expect(barLength(200, 200, 100)).toBe(100);
    expect(barLength(0, 200, 100)).toBe(0);
    expect(barLength(0, 0, 100)).toBe(0);
  });

  it('write values grouped in the document language', () => {
    expect(barValue(1234567, 'en')).toBe('1,234,567');
    expect(barValue(1234567, 'id')).toBe('1.234.567');
  });
});
