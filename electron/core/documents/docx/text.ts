import { AlignmentType, BorderStyle, FootnoteReferenceRun, LineRuleType, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { families, faceFor, fontBytes, type FaceStyle } from '../fonts';
import { halfPoints, LINE, sizes, twips } from '../layout';
import { runsOf, type Inline } from '../model';
import { scripts, splitScripts, type Script } from '../scripts';

/**
 * The DOCX's text: runs split by script, each naming its Noto font in all four slots (ascii,
 * hAnsi, cs, eastAsia) so Word and LibreOffice pick it whatever class they give the
 * characters; footnotes numbered in order; the faces used, to embed.
 */

export const hex = (color: string) => color.replace('#', '');
export const colors = { text: '111111', heading: '1F3A5F', muted: '555555', rule: '8A8A8A', shade: 'EEEEEE' };
export const alignment = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

export interface RunStyle {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ParaOptions {
  after?: number;
  before?: number;
  align?: keyof typeof alignment;
  keepNext?: boolean;
  /** A rule under the paragraph: its colour (hex) and thickness in points. */
  rule?: { color: string; width: number; space: number };
}

export class DocxText {
  readonly used = new Map<Script, Set<FaceStyle>>();
  readonly notes: Record<number, { children: Paragraph[] }> = {};
  private noteCount = 0;

  runs(text: Inline, style: RunStyle): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const run of runsOf(text)) {
      const bold = style.bold ?? !!run.bold;
      const italic = style.italic ?? !!run.italic;
      run.text.split('\n').forEach((line, i) => {
        if (i > 0) out.push(new TextRun({ break: 1 }));
        for (const part of splitScripts(line)) {
          const family = families[part.script].name;
          const face = faceFor(part.script, bold, italic);
          if (!this.used.has(part.script)) this.used.set(part.script, new Set());
          this.used.get(part.script)!.add(face.style);
          const b = face.style === 'bold' || face.style === 'boldItalic';
          const it = face.style === 'italic' || face.style === 'boldItalic';
          out.push(
            new TextRun({
              text: part.text,
              font: { ascii: family, hAnsi: family, cs: family, eastAsia: family },
              size: halfPoints(style.size),
              sizeComplexScript: halfPoints(style.size),
              // A face the family lacks (Thai italic) is not asked for: the PDF draws it upright too.
              bold: b,
              boldComplexScript: b,
              italics: it,
              italicsComplexScript: it,
              color: hex(style.color),
            }),
          );
        }
      });
      if (run.footnote !== undefined) {
        const id = ++this.noteCount;
        this.notes[id] = { children: [new Paragraph({ children: this.runs(` ${run.footnote}`, { size: sizes.footnote, color: colors.text }), run: markOf(sizes.footnote), spacing: { after: 0, line: twips(sizes.footnote * LINE), lineRule: LineRuleType.AT_LEAST } })] };
        out.push(new FootnoteReferenceRun(id));
      }
    }
    return out;
  }

  para(text: Inline, style: RunStyle, o: ParaOptions = {}): Paragraph {
    return new Paragraph({
      children: this.runs(text, style),
      run: markOf(style.size),
      alignment: alignment[o.align ?? 'left'],
      keepNext: o.keepNext,
      spacing: { before: twips(o.before ?? 0), after: twips(o.after ?? 0), line: twips(style.size * LINE), lineRule: LineRuleType.AT_LEAST },
      ...(o.rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: Math.round(o.rule.width * 8), color: o.rule.color, space: o.rule.space } } } : {}),
    });
  }

  /** The faces the document used, per family, for Word's font embedding (regular always: Word needs it). */
  embedded() {
    return scripts
      .filter((s) => this.used.has(s))
      .map((s) => {
        const styles = this.used.get(s)!;
        const file = (style: FaceStyle) => families[s].files[style];
        const extra = (style: FaceStyle, key: 'bold' | 'italic' | 'boldItalic') => (styles.has(style) && file(style) ? { [key]: fontBytes(file(style)!) } : {});
        return { name: families[s].name, data: fontBytes(families[s].files.regular), ...extra('bold', 'bold'), ...extra('italic', 'italic'), ...extra('boldItalic', 'boldItalic') };
      });
  }
}

/**
 * The paragraph mark's size. Word and LibreOffice count the mark in the last line's height, and
 * it is the document's 11 pt unless told: a 10 pt table cell would stand taller than the PDF's.
 */
export const markOf = (size: number) => ({ size: halfPoints(size), sizeComplexScript: halfPoints(size) });

/** An empty paragraph exactly this tall: the space after a table or a picture. */
export const gap = (height: number) => new Paragraph({ children: [], spacing: { before: 0, after: 0, line: twips(height), lineRule: LineRuleType.EXACT } });
