import { describe, expect, it } from 'vitest';
import { renderPickListPdf, type PickListDocument } from '../../server/lib/pick-list-pdf.js';
import { pdfPages, pdfText } from '../support/pdf-text.js';

type Line = PickListDocument['lines'][number];

const HEADER_ROW = '순서 창고 위치 품목 보관 로트 기한 수량 확인';
const A4_BOX = '0 0 595.28 841.89';
const PRINTED_AT = '2026-11-03T01:30:00.000Z';

// Deliberately not sorted by location, item, lot or date: only the given (walking) order explains the output.
const THREE_LINES: Line[] = [
  { warehouse: '본창고', locationName: 'B-02-3', itemName: '쌀 10kg', unit: '포대', zone: 'ambient', lotId: 118, dateLabel: '2027-03-31', quantity: 2 },
  { warehouse: '냉동창고', locationName: 'F-01-1', itemName: '냉동 만두 1kg', unit: '봉', zone: 'frozen', lotId: 97, dateLabel: '2026-12-10', quantity: 12 },
  { warehouse: '본창고', locationName: 'C-01-2', itemName: '우유 1L', unit: '개', zone: 'chilled', lotId: 130, dateLabel: null, quantity: 1200 },
];

function pickList(overrides: Partial<PickListDocument> = {}): PickListDocument {
  return {
    foodBankName: '마포푸드뱅크',
    requestId: 1042,
    agencyName: '성산종합사회복지관',
    neededBy: '2026-11-05',
    fulfilment: 'delivery',
    printedAt: PRINTED_AT,
    lines: THREE_LINES,
    ...overrides,
  };
}

/** 70 lines with unique item names in no sorted order (37 is coprime with 100, so the codes never repeat). */
function seventyLines(): Line[] {
  const foods = ['참치캔', '즉석밥', '두유', '라면', '김'];
  const zones = ['ambient', 'chilled', 'frozen'] as const;
  return Array.from({ length: 70 }, (_, index) => ({
    warehouse: '본창고',
    locationName: `R${String(70 - index).padStart(2, '0')}`,
    itemName: `${foods[index % foods.length]} #${String((index * 37) % 100).padStart(2, '0')}`,
    unit: '상자',
    zone: zones[index % zones.length]!,
    lotId: 1000 + ((index * 53) % 70),
    dateLabel: null,
    quantity: index + 1,
  }));
}

/** The page boxes pdfkit writes into each (uncompressed) page dictionary. */
function mediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((match) => match[1]!.trim());
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Where each item's name first appears in the text, in the order the lines are given. */
function positions(text: string, lines: readonly Line[]): number[] {
  return lines.map((line) => text.indexOf(line.itemName));
}

function isIncreasing(values: readonly number[]): boolean {
  return values.every((value, index) => value >= 0 && (index === 0 || value > values[index - 1]!));
}

describe('pick list PDF', () => {
  it('prints the request details and one row per line with zone, lot, date and quantity with unit', async () => {
    const text = await pdfText(await renderPickListPdf(pickList()));

    expect(text).toContain('피킹 리스트 (배분 요청 #1042)');
    expect(text).toContain('푸드뱅크 마포푸드뱅크 배분 기관 성산종합사회복지관');
    expect(text).toContain('필요일 2026년 11월 05일 수령 방식 배송');
    // The wall clock of the server, as every other timestamp the food bank prints.
    expect(text).toContain(`출력 시각 ${new Date(PRINTED_AT).toLocaleString('sv-SE').slice(0, 16)}`);
    expect(text).toContain(HEADER_ROW);
    expect(text).toContain('1 본창고 B-02-3 쌀 10kg 상온 118 2027-03-31 2 포대');
    expect(text).toContain('2 냉동창고 F-01-1 냉동 만두 1kg 냉동 97 2026-12-10 12 봉');
    expect(text).toContain('3 본창고 C-01-2 우유 1L 냉장 130 — 1,200 개'); // no date label: a dash, not a blank
    expect(text).toMatch(/피킹: _{6,} 확인: _{6,} 인수자: _{6,}/);
    expect(text).toContain('1 / 1쪽');
    expect(text).not.toContain('ambient');
  });

  it('says 직접 수령 when the agency collects', async () => {
    const text = await pdfText(await renderPickListPdf(pickList({ fulfilment: 'pickup' })));
    expect(text).toContain('수령 방식 직접 수령');
    expect(text).not.toContain('배송');
  });

  it('is one A4 page with Noto Sans KR embedded', async () => {
    const pdf = await renderPickListPdf(pickList());
    const raw = pdf.toString('latin1');

    expect(mediaBoxes(pdf)).toEqual([A4_BOX]);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Bold/);
    expect(raw).not.toContain('/Helvetica');
  });

  it('keeps the walking order it is given, numbering rows in that order', async () => {
    const given = await pdfText(await renderPickListPdf(pickList()));
    expect(isIncreasing(positions(given, THREE_LINES))).toBe(true);

    const reversedLines = [...THREE_LINES].reverse();
    const reversed = await pdfText(await renderPickListPdf(pickList({ lines: reversedLines })));
    expect(isIncreasing(positions(reversed, reversedLines))).toBe(true);
    expect(reversed).toContain('1 본창고 C-01-2 우유 1L');
    expect(reversed).toContain('3 본창고 B-02-3 쌀 10kg');
  });

  it('flows 70 lines over A4 pages, repeating the table header and numbering the pages', async () => {
    const lines = seventyLines();
    const pdf = await renderPickListPdf(pickList({ lines }));
    const pages = await pdfPages(pdf);

    expect(pages.length).toBeGreaterThan(1);
    expect(mediaBoxes(pdf)).toEqual(pages.map(() => A4_BOX));
    for (const [index, page] of pages.entries()) {
      const firstRow = page.search(/^\d+ 본창고 /m);
      expect(firstRow, `page ${index + 1} has rows`).toBeGreaterThan(0);
      expect(page.indexOf(HEADER_ROW), `page ${index + 1} header above its rows`).toBeGreaterThanOrEqual(0);
      expect(page.indexOf(HEADER_ROW)).toBeLessThan(firstRow);
      expect(page).toMatch(/피킹: _+ 확인: _+ 인수자: _+/);
      expect(page).toContain(`${index + 1} / ${pages.length}쪽`);
      if (index > 0) expect(page).toContain('피킹 리스트 (배분 요청 #1042) (계속) — 성산종합사회복지관');
    }

    const text = pages.join('\n');
    for (const [index, line] of lines.entries()) {
      const row = `${index + 1} 본창고 ${line.locationName} ${line.itemName} ${['상온', '냉장', '냉동'][index % 3]} ${line.lotId} — ${line.quantity} 상자`;
      expect(occurrences(text, row), row).toBe(1);
    }
    expect(isIncreasing(positions(text, lines))).toBe(true);
  });

  it('refuses a quantity that is not an integer', async () => {
    const half = { ...THREE_LINES[0]!, quantity: 1.5 };
    await expect(renderPickListPdf(pickList({ lines: [half] }))).rejects.toThrow(/integers/);
  });
});
