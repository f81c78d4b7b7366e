/**
 * The printed pick list (피킹 리스트) a warehouse worker carries round the shelves: one row per
 * held lot, in the walking order it is given (never re-sorted here), with a box to tick per row and
 * lines to sign when picking is done and the goods are handed over. A4, Noto Sans KR (./pdf-fonts.ts).
 */
import { FONT } from './pdf-fonts.js';
import { A4, CellTable, koreanDate, localDateTime, renderKoreanA4, type Cell } from './pdf-table.js';

export interface PickListDocument {
  foodBankName: string;
  requestId: number;
  agencyName: string;
  neededBy: string; // YYYY-MM-DD
  fulfilment: 'pickup' | 'delivery';
  printedAt: string; // ISO timestamp
  /** Already in walking order. */
  lines: {
    warehouse: string;
    locationName: string;
    itemName: string;
    unit: string;
    zone: 'ambient' | 'chilled' | 'frozen';
    lotId: number;
    dateLabel: string | null;
    quantity: number;
  }[];
}

type Line = PickListDocument['lines'][number];

const FULFILMENT: Record<PickListDocument['fulfilment'], string> = { pickup: '직접 수령', delivery: '배송' };
const ZONE: Record<Line['zone'], string> = { ambient: '상온', chilled: '냉장', frozen: '냉동' };

// ---------------------------------------------------------------------------------------------
// Formatting

const numberFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

/** 1200, '개' → '1,200 개'. Quantities are integer base units; anything else is a bug upstream. */
function quantityWithUnit(quantity: number, unit: string): string {
  if (!Number.isSafeInteger(quantity)) throw new TypeError(`Pick quantities must be integers, got ${quantity}`);
  return `${numberFormat.format(quantity)} ${unit}`;
}



// ---------------------------------------------------------------------------------------------
// Layout

const MARGIN = 36;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const FOOTER_SPACE = 44; // signature lines and page number, on every page
const BOTTOM = A4.height - MARGIN - FOOTER_SPACE;
const PAD = 4;
const BODY_SIZE = 9;
const MIN_ROW_HEIGHT = 22; // tall enough to tick the box with a pen

/** Column widths; 품목 takes what the others leave, since item names are the longest text. */
const FIXED = { order: 28, warehouse: 58, location: 66, zone: 32, lot: 40, date: 62, quantity: 62, check: 30 } as const;
const ITEM_WIDTH = CONTENT_WIDTH - Object.values(FIXED).reduce((sum, width) => sum + width, 0);


const HEADER: readonly Cell[] = [
  { text: '순서', width: FIXED.order },
  { text: '창고', width: FIXED.warehouse },
  { text: '위치', width: FIXED.location },
  { text: '품목', width: ITEM_WIDTH },
  { text: '보관', width: FIXED.zone },
  { text: '로트', width: FIXED.lot },
  { text: '기한', width: FIXED.date },
  { text: '수량', width: FIXED.quantity },
  { text: '확인', width: FIXED.check },
].map((cell) => ({ ...cell, label: true, align: 'center' as const }));

function lineCells(line: Line, index: number): Cell[] {
  return [
    { text: String(index + 1), width: FIXED.order, align: 'center' },
    { text: line.warehouse, width: FIXED.warehouse },
    { text: line.locationName, width: FIXED.location, bold: true }, // where to walk to: the eye looks for it first
    { text: line.itemName, width: ITEM_WIDTH },
    { text: ZONE[line.zone], width: FIXED.zone, align: 'center' },
    { text: String(line.lotId), width: FIXED.lot, align: 'center' },
    { text: line.dateLabel ?? '—', width: FIXED.date, align: 'center' },
    { text: quantityWithUnit(line.quantity, line.unit), width: FIXED.quantity, align: 'right', bold: true },
    { text: '', width: FIXED.check, checkbox: true },
  ];
}

class PickListLayout {
  private y = MARGIN;
  private readonly cells: CellTable;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly list: PickListDocument,
  ) {
    this.cells = new CellTable(pdf, { pad: PAD, bodySize: BODY_SIZE, minRowHeight: MIN_ROW_HEIGHT, boldLabels: true });
  }

  private rowHeight(cells: readonly Cell[]): number {
    return this.cells.rowHeight(cells);
  }

  /** Draws a row of boxed cells at the cursor and moves the cursor below it. */
  private row(cells: readonly Cell[]): void {
    this.y += this.cells.row(cells, MARGIN, this.y);
  }

  private cell(cell: Cell, x: number, y: number, height: number): void {
    this.cells.cell(cell, x, y, height);
  }

  render(): void {
    this.heading();
    this.details();
    this.table();
    this.footers();
  }

  private get title(): string {
    return `피킹 리스트 (배분 요청 #${this.list.requestId})`;
  }

  private heading(): void {
    this.pdf.font(FONT.bold).fontSize(18).fillColor('black');
    this.pdf.text(this.title, MARGIN, this.y, { width: CONTENT_WIDTH });
    this.y = this.pdf.y + 8;
  }

  // What the picker needs before starting: for whom, by when, and how it leaves the warehouse.
  private details(): void {
    const { list } = this;
    const labelWidth = 70;
    const valueWidth = CONTENT_WIDTH / 2 - labelWidth;
    this.row([
      { text: '푸드뱅크', width: labelWidth, label: true },
      { text: list.foodBankName, width: valueWidth },
      { text: '배분 기관', width: labelWidth, label: true },
      { text: list.agencyName, width: valueWidth, bold: true },
    ]);
    this.row([
      { text: '필요일', width: labelWidth, label: true },
      { text: koreanDate(list.neededBy), width: valueWidth },
      { text: '수령 방식', width: labelWidth, label: true },
      { text: FULFILMENT[list.fulfilment], width: valueWidth },
    ]);
    this.row([
      { text: '출력 시각', width: labelWidth, label: true },
      { text: localDateTime(list.printedAt), width: valueWidth },
      { text: '품목 수', width: labelWidth, label: true },
      { text: `${list.lines.length}줄`, width: valueWidth },
    ]);
    this.y += 12;
  }

  private table(): void {
    this.row(HEADER);
    this.list.lines.forEach((line, index) => {
      const cells = lineCells(line, index);
      // A row never splits across pages; it moves to the next one, under a repeated header.
      if (this.y + this.rowHeight(cells) > BOTTOM) {
        this.continuationPage();
        this.row(HEADER);
      }
      this.row(cells);
    });
  }

  private continuationPage(): void {
    this.pdf.addPage();
    this.y = MARGIN;
    this.pdf.font(FONT.bold).fontSize(11).fillColor('black');
    this.pdf.text(`${this.title} (계속) — ${this.list.agencyName}`, MARGIN, this.y, { width: CONTENT_WIDTH });
    this.y = this.pdf.y + 6;
  }

  /** Signature lines and page numbers, drawn once every page exists so the total is known. */
  private footers(): void {
    const { pdf } = this;
    const { start, count } = pdf.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      pdf.switchToPage(index);
      // Text below the bottom margin would otherwise make pdfkit add a page.
      const bottomMargin = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      const top = A4.height - MARGIN - FOOTER_SPACE + 12;
      pdf.font(FONT.regular).fontSize(10).fillColor('black');
      // Long enough to sign on; the underscores also survive photocopying better than hairlines.
      const blank = '_'.repeat(18);
      pdf.text(`피킹: ${blank}    확인: ${blank}    인수자: ${blank}`, MARGIN, top, { width: CONTENT_WIDTH, lineBreak: false });
      pdf.fontSize(8).fillColor('#555555');
      pdf.text(`${index - start + 1} / ${count}쪽`, MARGIN, top + 20, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
      pdf.page.margins.bottom = bottomMargin;
    }
    pdf.fillColor('black');
  }
}

/** Renders a pick list as an A4 PDF with Noto Sans KR embedded (subset). */
/** Renders a pick list as an A4 PDF with Noto Sans KR embedded (subset). */
export function renderPickListPdf(list: PickListDocument): Promise<Buffer> {
  const info = { Title: `피킹 리스트 #${list.requestId} ${list.agencyName}`, Author: list.foodBankName, Subject: '피킹 리스트' };
  return renderKoreanA4({ margin: MARGIN, info }, (pdf) => new PickListLayout(pdf, list).render());
}
