import sharp from 'sharp';
import { barLength, chart, columnWidths, spacing } from '../layout';
import type { DocumentModel } from '../model';

/**
 * The DOCX's bars: solid PNGs as wide as the bar they stand for (two pixels a point), made with
 * sharp before the document is assembled (the docx package takes pictures as bytes). A picture
 * keeps its true proportions, so Word's "reset picture" does not bend the chart. Kept per width
 * across documents: charts of the same figures repeat them.
 */

export type BarPictures = Map<number, Buffer>;

const PX_PER_PT = 2;
const made: BarPictures = new Map();
const keyOf = (length: number) => Math.max(1, Math.round(length * PX_PER_PT));

/** The pictures every bar chart of the model needs, by width in pixels. */
export async function barPictures(model: DocumentModel): Promise<BarPictures> {
  const room = columnWidths(chart.columns)[1]! - 2 * spacing.cellPadding;
  const out: BarPictures = new Map();
  for (const b of model.blocks) {
    if (b.kind !== 'barChart') continue;
    const max = Math.max(0, ...b.rows.map((r) => r.value));
    for (const r of b.rows) {
      const length = barLength(r.value, max, room);
      if (length <= 0) continue;
      const key = keyOf(length);
      if (out.has(key)) continue;
      let png = made.get(key);
      if (!png) {
        png = await sharp({ create: { width: key, height: chart.barHeight * PX_PER_PT, channels: 3, background: chart.color } }).png().toBuffer();
        if (made.size >= 2_000) made.clear();
        made.set(key, png);
      }
      out.set(key, png);
    }
  }
  return out;
}

/** The picture of a bar this long (points); barPictures made it. */
export function pictureOf(pictures: BarPictures, length: number): Buffer {
  const png = pictures.get(keyOf(length));
  if (!png) throw new Error(`No bar picture was made for a bar of ${length} pt.`);
  return png;
}
