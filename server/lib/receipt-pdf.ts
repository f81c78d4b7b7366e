/**
 * Donation receipts as PDF: 기부금영수증 laid out like 소득세법 시행규칙 별지 제45호의2 서식, or
 * 기부식품 등 영수증 for surplus food at book value. Korean text needs an embedded CJK font: Noto
 * Sans KR, found and cached by ./pdf-fonts.ts.
 */
import { FONT } from './pdf-fonts.js';
import { A4, CellTable, koreanDate, localDateTime, renderKoreanA4, type Cell } from './pdf-table.js';

export interface ReceiptDocument {
  /** donation_receipt: 기부금영수증 (소득세법 시행규칙 별지 제45호의2 서식); food_donation_receipt: 기부식품 등 영수증 (surplus food from a business, at book value 장부가액) */
  form: 'donation_receipt' | 'food_donation_receipt';
  serial: string; // '2026-000012'
  kind: 'donation' | 'annual'; // one donation, or a donor's whole year
  periodYear: number;
  voided: { at: string; reason: string } | null; // a voided receipt still prints, with a clear 무효 (VOID) mark and the reason
  reissueOfSerial: string | null; // "재발급: 2026-000003 대체"
  donor: { kind: 'individual' | 'organisation'; name: string; registrationNumber: string | null; address: string | null }; // registrationNumber is PLAIN here (resident no. '900101-1234567' or business no. '123-45-67890'); it must be printed as given
  foodBank: { name: string; registrationNumber: string | null; address: string | null; legalBasis: string | null; typeCode: string | null; representative: string | null };
  lines: { kind: 'cash' | 'in_kind'; date: string /* YYYY-MM-DD */; itemName: string; quantity: number; unitValue: number; amount: number }[];
  totalAmount: number; // integer won
  issuedOn: string; // YYYY-MM-DD
  issuerName: string; // the staff member who issued it
}

type Line = ReceiptDocument['lines'][number];

const REGULAR = FONT.regular;
const BOLD = FONT.bold;

// ---------------------------------------------------------------------------------------------
// Formatting

const wonFormat = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

/** 182000 → '182,000원'. Money is integer won; anything else is a bug upstream, not a rounding job. */
function won(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new TypeError(`Receipt amounts must be integer won, got ${amount}`);
  return `${wonFormat.format(amount)}원`;
}

const count = (quantity: number): string => wonFormat.format(quantity);



// ---------------------------------------------------------------------------------------------
// Layout

const MARGIN = 40;
const FOOTER_SPACE = 24; // kept free at the bottom of each page for the serial and page number
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN - FOOTER_SPACE;
const PAD = 4;
const BODY_SIZE = 9;
const VOID_RED = '#c62828';


/** ④ 기부내용 columns; 내용 spans 품명, 수량 and 단가 in the two-row header. */
const COLUMNS = { code: 34, kind: 38, date: 66, item: 184, quantity: 50, unitValue: 66, amount: 77.28 } as const;

const FORM_TITLE: Record<ReceiptDocument['form'], string> = {
  donation_receipt: '기부금 영수증',
  food_donation_receipt: '기부식품 등 영수증',
};

const LINE_KIND: Record<Line['kind'], string> = { cash: '금전', in_kind: '현물' };

const STATEMENT =
  '「소득세법」 제34조, 「조세특례제한법」 제58조·제76조·제88조의4 및 「법인세법」 제24조에 따른 기부금을 위와 같이 기부받았음을 증명합니다.';

class ReceiptLayout {
  private y = MARGIN;
  private readonly cells: CellTable;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly receipt: ReceiptDocument,
  ) {
    this.cells = new CellTable(pdf, { pad: PAD, bodySize: BODY_SIZE, minRowHeight: 20, boldLabels: false });
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
    if (this.receipt.voided) this.voidNotice(this.receipt.voided);
    this.donorSection();
    this.foodBankSection();
    this.collectorSection();
    this.contentsTable();
    this.certification();
    this.pageMarks();
  }

  private get isFoodForm(): boolean {
    return this.receipt.form === 'food_donation_receipt';
  }

  // Title block: form reference, 일련번호 and what the receipt covers.
  private heading(): void {
    const { pdf, receipt } = this;
    pdf.font(REGULAR).fontSize(8).fillColor('black');
    const reference = this.isFoodForm ? '「식품등 기부 활성화에 관한 법률」에 따른 기부식품 등 영수증' : '[소득세법 시행규칙 별지 제45호의2 서식]';
    pdf.text(reference, MARGIN, this.y, { width: CONTENT_WIDTH, lineBreak: false });
    this.y += 16;

    this.row([
      { text: '일련번호', width: 70, label: true, align: 'center' },
      { text: receipt.serial, width: 130, bold: true },
      { text: receipt.reissueOfSerial ? `재발급: ${receipt.reissueOfSerial} 대체` : '', width: CONTENT_WIDTH - 200 },
    ]);
    this.y += 14;

    pdf.font(BOLD).fontSize(20).text(FORM_TITLE[receipt.form], MARGIN, this.y, { width: CONTENT_WIDTH, align: 'center' });
    this.y = pdf.y + 2;
    const coverage = receipt.kind === 'annual' ? `${receipt.periodYear}년 연간 합산 (${receipt.periodYear}-01-01 ~ ${receipt.periodYear}-12-31)` : `${receipt.periodYear}년 귀속 건별 영수증`;
    pdf.font(REGULAR).fontSize(BODY_SIZE).text(coverage, MARGIN, this.y, { width: CONTENT_WIDTH, align: 'center' });
    this.y = pdf.y + 10;
  }

  // A voided receipt is printed for the record only: say so before anything else is read.
  private voidNotice(voided: { at: string; reason: string }): void {
    const { pdf } = this;
    const text = `무효 (VOID) — 이 영수증은 ${localDateTime(voided.at)}에 무효 처리되었습니다. 사유: ${voided.reason}`;
    pdf.font(BOLD).fontSize(10);
    const height = pdf.heightOfString(text, { width: CONTENT_WIDTH - 2 * PAD }) + 2 * PAD;
    pdf.save().lineWidth(1.5).strokeColor(VOID_RED).rect(MARGIN, this.y, CONTENT_WIDTH, height).stroke().restore();
    pdf.fillColor(VOID_RED).text(text, MARGIN + PAD, this.y + PAD, { width: CONTENT_WIDTH - 2 * PAD }).fillColor('black');
    this.y += height + 10;
  }

  private donorSection(): void {
    const { donor } = this.receipt;
    this.sectionTitle('① 기부자');
    this.row([
      { text: '성명(법인명)', width: 95, label: true },
      { text: donor.name, width: 160 },
      { text: '주민등록번호(사업자등록번호)', width: 125, label: true },
      { text: donor.registrationNumber ?? '', width: CONTENT_WIDTH - 380 },
    ]);
    this.row([
      { text: '주소(소재지)', width: 95, label: true },
      { text: donor.address ?? '', width: CONTENT_WIDTH - 95 },
    ]);
    this.y += 10;
  }

  private foodBankSection(): void {
    const { foodBank } = this.receipt;
    this.sectionTitle('② 기부금 단체');
    this.row([
      { text: '단체명', width: 95, label: true },
      { text: foodBank.name, width: 160 },
      { text: '사업자등록번호(고유번호)', width: 125, label: true },
      { text: foodBank.registrationNumber ?? '', width: CONTENT_WIDTH - 380 },
    ]);
    this.row([
      { text: '소재지', width: 95, label: true },
      { text: foodBank.address ?? '', width: CONTENT_WIDTH - 95 },
    ]);
    // The form puts this beside 소재지; a row of its own keeps a long legal basis on one line.
    this.row([
      { text: '기부금공제대상 기부금단체 근거법령', width: 95, label: true },
      { text: foodBank.legalBasis ?? '', width: CONTENT_WIDTH - 95 },
    ]);
    this.y += 10;
  }

  // The form's ③ is for donations collected through an intermediary (언론기관 등); a food bank takes them directly.
  private collectorSection(): void {
    this.sectionTitle('③ 기부금 모집처(언론기관 등)');
    this.row([{ text: '해당 없음 (② 기부금 단체가 직접 모집)', width: CONTENT_WIDTH }]);
    this.y += 10;
  }

  private contentsTable(): void {
    this.sectionTitle('④ 기부내용');
    this.tableHeader();
    const typeCode = this.receipt.foodBank.typeCode ?? '';
    for (const line of this.receipt.lines) {
      const cells: Cell[] = [
        { text: typeCode, width: COLUMNS.code, align: 'center' },
        { text: LINE_KIND[line.kind], width: COLUMNS.kind, align: 'center' },
        { text: line.date, width: COLUMNS.date, align: 'center' },
        { text: line.itemName, width: COLUMNS.item },
        { text: count(line.quantity), width: COLUMNS.quantity, align: 'right' },
        { text: won(line.unitValue), width: COLUMNS.unitValue, align: 'right' },
        { text: won(line.amount), width: COLUMNS.amount, align: 'right' },
      ];
      // A row that does not fit goes to a new page, under a repeated header.
      if (this.y + this.rowHeight(cells) > BOTTOM) {
        this.newPage();
        this.tableHeader();
      }
      this.row(cells);
    }
    const totalCells: Cell[] = [
      { text: '합계', width: CONTENT_WIDTH - COLUMNS.amount, label: true, bold: true, align: 'center' },
      { text: won(this.receipt.totalAmount), width: COLUMNS.amount, bold: true, align: 'right' },
    ];
    if (this.y + this.rowHeight(totalCells) > BOTTOM) {
      this.newPage();
      this.tableHeader();
    }
    this.row(totalCells);
    this.y += 16;
  }

  /** Two header rows: 내용 spans 품명, 수량 and 단가, as on the printed form. */
  private tableHeader(): void {
    const half = 16;
    const valueHeader = this.isFoodForm ? '장부가액' : '금액';
    if (this.y + 2 * half + 20 > BOTTOM) this.newPage();
    let x = MARGIN;
    for (const [text, width] of [['코드', COLUMNS.code], ['구분', COLUMNS.kind], ['연월일', COLUMNS.date]] as const) {
      this.cell({ text, width, label: true, align: 'center' }, x, this.y, 2 * half);
      x += width;
    }
    const contentWidth = COLUMNS.item + COLUMNS.quantity + COLUMNS.unitValue;
    this.cell({ text: '내용', width: contentWidth, label: true, align: 'center' }, x, this.y, half);
    this.cell({ text: '품명', width: COLUMNS.item, label: true, align: 'center' }, x, this.y + half, half);
    this.cell({ text: '수량', width: COLUMNS.quantity, label: true, align: 'center' }, x + COLUMNS.item, this.y + half, half);
    this.cell({ text: '단가', width: COLUMNS.unitValue, label: true, align: 'center' }, x + COLUMNS.item + COLUMNS.quantity, this.y + half, half);
    this.cell({ text: valueHeader, width: COLUMNS.amount, label: true, align: 'center' }, x + contentWidth, this.y, 2 * half);
    this.y += 2 * half;
  }

  private certification(): void {
    const { pdf, receipt } = this;
    const height = 150;
    if (this.y + height > BOTTOM) this.newPage();
    pdf.font(REGULAR).fontSize(10).fillColor('black');
    pdf.text(STATEMENT, MARGIN, this.y, { width: CONTENT_WIDTH, lineGap: 3 });
    this.y = pdf.y + 14;
    pdf.text(koreanDate(receipt.issuedOn), MARGIN, this.y, { width: CONTENT_WIDTH, align: 'center' });
    this.y = pdf.y + 18;
    pdf.font(BOLD).text(`기부금 수령인: ${receipt.foodBank.name} (서명 또는 인)`, MARGIN, this.y, { width: CONTENT_WIDTH, align: 'right' });
    this.y = pdf.y + 4;
    pdf.font(REGULAR).fontSize(BODY_SIZE);
    if (receipt.foodBank.representative) {
      pdf.text(`대표자: ${receipt.foodBank.representative}`, MARGIN, this.y, { width: CONTENT_WIDTH, align: 'right' });
      this.y = pdf.y + 2;
    }
    pdf.text(`발급 담당자: ${receipt.issuerName}`, MARGIN, this.y, { width: CONTENT_WIDTH, align: 'right' });
    this.y = pdf.y;
  }

  /** Marks every page once the page count is known: serial and page number, and the VOID stamp. */
  private pageMarks(): void {
    const { pdf, receipt } = this;
    const { start, count: pages } = pdf.bufferedPageRange();
    for (let index = start; index < start + pages; index++) {
      pdf.switchToPage(index);
      // Text below the bottom margin would otherwise make pdfkit add a page.
      const bottomMargin = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      pdf.font(REGULAR).fontSize(8).fillColor('#555555');
      const footer = `${FORM_TITLE[receipt.form]} 일련번호 ${receipt.serial} · ${index - start + 1} / ${pages}쪽`;
      pdf.text(footer, MARGIN, A4.height - MARGIN - 10, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
      if (receipt.voided) this.voidStamp();
      pdf.page.margins.bottom = bottomMargin;
    }
    pdf.fillColor('black');
  }

  private voidStamp(): void {
    const { pdf } = this;
    const centre = { x: A4.width / 2, y: A4.height / 2 };
    pdf.save();
    pdf.rotate(-30, { origin: [centre.x, centre.y] });
    pdf.opacity(0.25).font(BOLD).fontSize(110).fillColor(VOID_RED);
    pdf.text('무효', centre.x - 150, centre.y - 90, { width: 300, align: 'center', lineBreak: false });
    pdf.fontSize(40).text('VOID', centre.x - 150, centre.y + 40, { width: 300, align: 'center', lineBreak: false });
    pdf.restore();
  }

  private newPage(): void {
    const { pdf, receipt } = this;
    pdf.addPage();
    this.y = MARGIN;
    pdf.font(BOLD).fontSize(11).fillColor('black');
    pdf.text(`${FORM_TITLE[receipt.form]} (계속) — 일련번호 ${receipt.serial}`, MARGIN, this.y, { width: CONTENT_WIDTH });
    this.y = pdf.y + 8;
  }

  private sectionTitle(text: string): void {
    if (this.y + 60 > BOTTOM) this.newPage();
    this.pdf.font(BOLD).fontSize(10).fillColor('black').text(text, MARGIN, this.y, { width: CONTENT_WIDTH });
    this.y = this.pdf.y + 3;
  }
}

function checkAmounts(receipt: ReceiptDocument): void {
  const sum = receipt.lines.reduce((total, line) => total + line.amount, 0);
  // A tax receipt whose 합계 disagrees with its lines must not be printed at all.
  if (sum !== receipt.totalAmount) throw new Error(`Receipt ${receipt.serial}: total ${receipt.totalAmount} is not the sum of its lines (${sum})`);
}

/** Renders one receipt as an A4 PDF with Noto Sans KR embedded (subset). */
/** Renders one receipt as an A4 PDF with Noto Sans KR embedded (subset). */
export async function renderReceiptPdf(doc: ReceiptDocument): Promise<Buffer> {
  checkAmounts(doc);
  const info = { Title: `${FORM_TITLE[doc.form]} ${doc.serial}`, Author: doc.foodBank.name, Subject: FORM_TITLE[doc.form] };
  return await renderKoreanA4({ margin: MARGIN, info }, (pdf) => new ReceiptLayout(pdf, doc).render());
}
