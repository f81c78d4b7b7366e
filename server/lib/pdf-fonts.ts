/**
 * Korean fonts for the PDFs we print (receipts, pick lists). Noto Sans KR ships in the npm package
 * `@embedpdf/fonts-kr`, so nothing is fetched at run time; pdfkit embeds only the glyphs a document
 * uses (a few tens of KB instead of 4.5 MB per weight).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const PACKAGE = '@embedpdf/fonts-kr';

/** Names the fonts are registered under in a PDFKit document: pass them to `pdf.font(...)`. */
export const FONT = { regular: 'NotoSansKR-Regular', bold: 'NotoSansKR-Bold' } as const;

export interface KoreanFonts {
  regular: Buffer;
  bold: Buffer;
}

let fontFiles: Promise<KoreanFonts> | undefined;

/** The font files, read once per process and shared by every document. */
export function loadKoreanFonts(): Promise<KoreanFonts> {
  fontFiles ??= (async () => {
    const dir = fontsDir();
    const [regular, bold] = await Promise.all([readFile(path.join(dir, `${FONT.regular}.otf`)), readFile(path.join(dir, `${FONT.bold}.otf`))]);
    return { regular, bold };
  })().catch((error: unknown) => {
    fontFiles = undefined; // let the next document try again rather than caching the failure
    throw error;
  });
  return fontFiles;
}

/** Registers both weights on a document under the names in `FONT`. */
export function registerKoreanFonts(pdf: PDFKit.PDFDocument, fonts: KoreanFonts): void {
  pdf.registerFont(FONT.regular, fonts.regular);
  pdf.registerFont(FONT.bold, fonts.bold);
}

// The package exports only its JS entry (not package.json), so its folder is found by walking up
// from that entry.
function fontsDir(): string {
  const require = createRequire(import.meta.url);
  let dir = path.dirname(require.resolve(PACKAGE));
  while (!isPackageRoot(dir, PACKAGE)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${PACKAGE}: package folder not found`);
    dir = parent;
  }
  return path.join(dir, 'fonts');
}

function isPackageRoot(dir: string, name: string): boolean {
  const manifest = path.join(dir, 'package.json');
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name;
}
