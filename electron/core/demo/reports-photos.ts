import sharp from 'sharp';
import type { Db } from '../db/open';
import { putAttachment, putPhoto } from '../services/attachments';
import type { DemoScene } from './reports-types';

/**
 * The demo reports' pictures and forms, made here rather than shipped: simple drawn scenes
 * (never a photo of a real person or place), stored through the photo pipeline like any photo,
 * and signed-form PDFs stored as attachments like any consent form.
 */

const ground = (colour: string) => `<rect x="0" y="300" width="640" height="180" fill="${colour}"/>`;
const scenes: Record<DemoScene, string> = {
  office: `<rect width="640" height="480" fill="#e8eef3"/>${ground('#b9c4cc')}
    ${[0, 1, 2].map((r) => [0, 1, 2, 3].map((c) => `<rect x="${70 + c * 130}" y="${200 + r * 80}" width="100" height="50" fill="#55708a"/><rect x="${95 + c * 130}" y="${170 + r * 80}" width="50" height="32" fill="#2c3e50"/>`).join('')).join('')}`,
  classroom: `<rect width="640" height="480" fill="#f3efe6"/>${ground('#d8cfbd')}<rect x="170" y="50" width="300" height="150" fill="#2f4f4f"/><rect x="185" y="65" width="270" height="120" fill="#5fa8a0"/>
    ${[0, 1].map((r) => [0, 1, 2, 3].map((c) => `<circle cx="${120 + c * 130}" cy="${290 + r * 90}" r="22" fill="#8a5a44"/><rect x="${90 + c * 130}" y="${315 + r * 90}" width="60" height="30" fill="#a67c52"/>`).join('')).join('')}`,
  village: `<rect width="640" height="480" fill="#cfe8f7"/>${ground('#8fbf6a')}<polygon points="120,300 200,220 280,300" fill="#a0522d"/><rect x="135" y="300" width="130" height="90" fill="#deb887"/><polygon points="360,300 440,210 520,300" fill="#8b4513"/><rect x="375" y="300" width="130" height="100" fill="#f5deb3"/>`,
  coast: `<rect width="640" height="480" fill="#bfe3f5"/><rect x="0" y="280" width="640" height="200" fill="#3a87b8"/><rect x="0" y="250" width="300" height="40" fill="#e9d8a6"/><rect x="60" y="170" width="180" height="80" fill="#f4a261"/><polygon points="50,170 150,110 250,170" fill="#9c4a2f"/>
    <polygon points="380,330 480,330 460,355 400,355" fill="#6d4c41"/><polygon points="500,380 600,380 580,405 520,405" fill="#6d4c41"/>`,
};

/** A drawn scene as a stored photo (WebP, by hash). */
export async function demoPhoto(db: Db, scene: DemoScene, now: number): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">${scenes[scene]}</svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return (await putPhoto(db, png.toString('base64'), now)).hash;
}

/**
 * A one-page signed form (consent to publish a story, or to be quoted), stored as a PDF
 * attachment. Written out by hand with a standard PDF font (ASCII text only): a demo form needs
 * no embedded font, and this way it is made alike wherever demo.load runs, tests included.
 */
export async function demoForm(db: Db, title: string, lines: string[], fileName: string, now: number) {
  const text = [title, '', ...lines, '', 'Signed: ______________________ (demo signature)', '', 'This form is fictional demo data of A-EXPECS Curator.'];
  const escape = (t: string) => t.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const content = `BT /F1 11 Tf 14 TL 60 780 Td ${text.map((t) => `(${escape(t)}) '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info << /Title (${escape(title)}) >> >>\nstartxref\n${xref}\n%%EOF\n`;
  return putAttachment(db, fileName, Buffer.from(out, 'latin1'), now);
}
