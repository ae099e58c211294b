import { figureSourceNote, relabelFigureRows, type Figure } from '../../../../../shared/model/reports/figure';
import { barValue, type Block } from '../../../documents/model';
import { figureNames, fill, type BuildContext } from './common';

/**
 * A figure in a document: numbered through the file, drawn as the curator chose (a bar chart,
 * or a table of counts), its rows named in the document's language, and its source note — what
 * it counts, the filters, when it was taken — as a footnote, always.
 */
export function figureBlocks(figure: Figure, c: BuildContext): Block[] {
  const names = figureNames(c);
  const caption = fill(c.t.figure, { n: String(++c.figures.n), title: figure.title });
  const footnote = figureSourceNote(figure, c.lang, names);
  const rows = relabelFigureRows(figure, c.lang, names);
  if (figure.chart === 'bar') return [{ kind: 'barChart', caption, footnote, rows: rows.map((r) => ({ label: r.label, value: r.count })) }];
  return [
    { kind: 'paragraph', text: [{ text: caption, bold: true, footnote }], spaceAfter: 4 },
    { kind: 'table', columns: [7, 3], header: [c.t.figureLabel, c.t.figureCount], rows: rows.map((r) => [r.label, barValue(r.count, c.lang)]) },
  ];
}
