/**
 * What the Korean A4 documents (receipts, pick lists) share: the document itself with the fonts
 * embedded and its bytes collected, and boxed table cells drawn the way printed forms are.
 */
import PDFDocument from 'pdfkit';
import { FONT, loadKoreanFonts, registerKoreanFonts } from './pdf-fonts.js';

export const A4 = { width: 595.28, height: 841.89 };

/** '2026-11-02' → '2026년 11월 02일', without Date so no time zone can shift the day. */
export function koreanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${year}년 ${month}월 ${day}일`;
}

/** A timestamp as the food bank's wall clock (the server's time zone), to the minute; plain dates pass through. */
export function localDateTime(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString('sv-SE').slice(0, 16);
}

export interface Cell {
  text: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** A caption cell: shaded, like a printed form's labels. */
  label?: boolean;
  /** An empty box to tick by hand. */
  checkbox?: boolean;
}

export interface TableStyle {
  pad: number;
  bodySize: number;
  minRowHeight: number;
  /** Captions in bold (a pick list) or regular (the receipt form). */
  boldLabels: boolean;
}

const LABEL_SIZE = 8.5;
const LABEL_FILL = '#eeeeee';
const LINE_COLOUR = '#333333';
const CHECKBOX = 11;

/** Draws rows of boxed cells on a PDFKit document. */
export class CellTable {
  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly style: TableStyle,
  ) {}

  private font(cell: Cell): void {
    const bold = cell.bold || (cell.label && this.style.boldLabels);
    this.pdf.font(bold ? FONT.bold : FONT.regular).fontSize(cell.label ? LABEL_SIZE : this.style.bodySize);
  }

  /** As tall as the tallest cell's wrapped text. */
  rowHeight(cells: readonly Cell[]): number {
    const { pad } = this.style;
    return Math.max(
      this.style.minRowHeight,
      ...cells.map((cell) => {
        this.font(cell);
        return this.pdf.heightOfString(cell.text || ' ', { width: cell.width - 2 * pad }) + 2 * pad;
      }),
    );
  }

  /** Draws a row from `x` at `y` and returns its height. */
  row(cells: readonly Cell[], x: number, y: number): number {
    const height = this.rowHeight(cells);
    for (const cell of cells) {
      this.cell(cell, x, y, height);
      x += cell.width;
    }
    return height;
  }

  cell(cell: Cell, x: number, y: number, height: number): void {
    const { pdf } = this;
    const { pad } = this.style;
    pdf.save().lineWidth(0.6).strokeColor(LINE_COLOUR);
    if (cell.label) pdf.rect(x, y, cell.width, height).fillAndStroke(LABEL_FILL, LINE_COLOUR);
    else pdf.rect(x, y, cell.width, height).stroke();
    if (cell.checkbox) pdf.lineWidth(0.9).rect(x + (cell.width - CHECKBOX) / 2, y + (height - CHECKBOX) / 2, CHECKBOX, CHECKBOX).stroke();
    pdf.restore();
    if (!cell.text) return;
    this.font(cell);
    const textWidth = cell.width - 2 * pad;
    // Centred vertically, as a form's boxes are. heightOfString counts the font's line gap (half an
    // em in Noto Sans KR) below the last line as well; without taking it off the text sits high.
    const textHeight = pdf.heightOfString(cell.text, { width: textWidth }) - (pdf.currentLineHeight(true) - pdf.currentLineHeight());
    pdf.fillColor('black').text(cell.text, x + pad, y + (height - textHeight) / 2, { width: textWidth, align: cell.align ?? 'left' });
  }
}

/**
 * An A4 document in Korean with Noto Sans KR embedded (subset), drawn by `draw` and returned as
 * bytes. Pages are buffered so footers can say "n / N" once every page exists.
 */
export async function renderKoreanA4(
  options: { margin: number; info: PDFKit.DocumentInfo },
  draw: (pdf: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const fonts = await loadKoreanFonts();
  const pdf = new PDFDocument({ size: 'A4', margin: options.margin, bufferPages: true, lang: 'ko-KR', displayTitle: true, info: { Creator: 'foodbank', ...options.info } });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  registerKoreanFonts(pdf, fonts);
  draw(pdf);
  pdf.end();
  return finished;
}
