import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderReceiptPdf, type ReceiptDocument } from '../../server/lib/receipt-pdf.js';
import { pdfPages, pdfText } from '../support/pdf-text.js';

const LEGAL_BASIS = '「식품등 기부 활성화에 관한 법률」 제2조제5호';

/** A one-donation 기부금영수증 for an individual donor, three lines, 182,000원. */
function receipt(overrides: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return {
    form: 'donation_receipt',
    serial: '2026-000012',
    kind: 'donation',
    periodYear: 2026,
    voided: null,
    reissueOfSerial: null,
    donor: { kind: 'individual', name: '김민지', registrationNumber: '950315-2234567', address: '서울특별시 마포구 월드컵로 212, 101동 1203호' },
    foodBank: {
      name: '마포푸드뱅크',
      registrationNumber: '105-82-12345',
      address: '서울특별시 마포구 성미산로 10',
      legalBasis: LEGAL_BASIS,
      typeCode: '40',
      representative: '이정호',
    },
    lines: [
      { kind: 'in_kind', date: '2026-10-30', itemName: '쌀 10kg', quantity: 2, unitValue: 32000, amount: 64000 },
      { kind: 'in_kind', date: '2026-11-02', itemName: '신라면', quantity: 120, unitValue: 950, amount: 114000 },
      { kind: 'cash', date: '2026-11-02', itemName: '후원금', quantity: 1, unitValue: 4000, amount: 4000 },
    ],
    totalAmount: 182000,
    issuedOn: '2026-11-03',
    issuerName: '박서준',
    ...overrides,
  };
}

/** The page boxes pdfkit writes into each (uncompressed) page dictionary. */
function mediaBoxes(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((match) => match[1]!.trim());
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('donation receipt PDF', () => {
  it('prints the donor, the food bank, every line and the total', async () => {
    const text = await pdfText(await renderReceiptPdf(receipt()));

    expect(text).toContain('기부금 영수증');
    expect(text).toContain('2026-000012');
    expect(text).toContain('김민지');
    expect(text).toContain('950315-2234567'); // printed as given: the donor needs it for the tax office
    expect(text).toContain('서울특별시 마포구 월드컵로 212, 101동 1203호');
    expect(text).toContain('마포푸드뱅크');
    expect(text).toContain('105-82-12345');
    expect(text).toContain(LEGAL_BASIS);
    // One row per line: code, 구분, date, item, quantity, unit value, amount.
    expect(text).toContain('40 현물 2026-10-30 쌀 10kg 2 32,000원 64,000원');
    expect(text).toContain('40 현물 2026-11-02 신라면 120 950원 114,000원');
    expect(text).toContain('40 금전 2026-11-02 후원금 1 4,000원 4,000원');
    expect(text).toContain('합계 182,000원');
    expect(text).toContain('2026년 11월 03일');
    expect(text).toContain('기부금 수령인: 마포푸드뱅크 (서명 또는 인)');
    expect(text).toContain('박서준');
    expect(text.replaceAll('\n', ' ')).toContain(
      '「소득세법」 제34조, 「조세특례제한법」 제58조·제76조·제88조의4 및 「법인세법」 제24조에 따른 기부금을 위와 같이 기부받았음을 증명합니다.',
    );
    expect(text).not.toContain('무효');
    expect(text).not.toContain('재발급');
    expect(text).not.toContain('장부가액');
  });

  it('is a single A4 page with Noto Sans KR embedded as a subset', async () => {
    const pdf = await renderReceiptPdf(receipt());
    const raw = pdf.toString('latin1');

    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(mediaBoxes(pdf)).toEqual(['0 0 595.28 841.89']);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Bold/);
    expect(raw).not.toContain('/Helvetica');
    // The whole font is 4.5 MB a weight; only the glyphs used are embedded.
    expect(pdf.length).toBeLessThan(250_000);
  });

  it('does not touch the network to render or to read back', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await pdfText(await renderReceiptPdf(receipt()));
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('marks a voided receipt 무효 with the reason, and a reissue with the serial it replaces', async () => {
    const voided = await pdfText(await renderReceiptPdf(receipt({ voided: { at: '2026-11-04', reason: '수량 입력 오류' } })));
    expect(voided).toContain('무효 (VOID)');
    expect(voided).toContain('2026-11-04');
    expect(voided).toContain('사유: 수량 입력 오류');

    const reissued = await pdfText(await renderReceiptPdf(receipt({ serial: '2026-000015', reissueOfSerial: '2026-000012' })));
    expect(reissued).toContain('재발급: 2026-000012 대체');
    expect(reissued).not.toContain('무효');
  });

  it('titles a food receipt 기부식품 등 영수증 and values it at book value', async () => {
    const text = await pdfText(
      await renderReceiptPdf(
        receipt({
          form: 'food_donation_receipt',
          donor: { kind: 'organisation', name: '(주)한빛식품', registrationNumber: '214-86-54321', address: '경기도 성남시 분당구 판교로 1' },
        }),
      ),
    );
    expect(text).toContain('기부식품 등 영수증');
    expect(text).not.toContain('기부금 영수증');
    expect(text).toContain('장부가액');
    expect(text).toContain('(주)한빛식품');
    expect(text).toContain('214-86-54321');
    expect(text).toContain('합계 182,000원');
  });

  it('flows a 60-line annual receipt over pages, repeating the table header', async () => {
    const lines = Array.from({ length: 60 }, (_, index) => ({
      kind: 'in_kind' as const,
      date: `2026-${String((index % 12) + 1).padStart(2, '0')}-15`,
      itemName: `품목 ${index + 1}번 참치 통조림 150g`,
      quantity: index + 1,
      unitValue: 1000,
      amount: (index + 1) * 1000,
    }));
    const pdf = await renderReceiptPdf(receipt({ kind: 'annual', lines, totalAmount: 1_830_000 }));
    const pages = await pdfPages(pdf);

    expect(pages.length).toBeGreaterThan(1);
    expect(mediaBoxes(pdf)).toEqual(pages.map(() => '0 0 595.28 841.89'));
    const text = pages.join('\n');
    for (const line of lines) {
      // quantity ≤ 60 at 1,000원 each, so the amount reads '<quantity>,000원'.
      expect(occurrences(text, `${line.itemName} ${line.quantity} 1,000원 ${line.quantity},000원`), line.itemName).toBe(1);
    }
    for (const [index, page] of pages.entries()) {
      expect(page).toContain(`2026-000012 · ${index + 1} / ${pages.length}쪽`);
      if (page.includes('현물 2026-')) expect(page).toContain('품명 수량 단가');
    }
    expect(pages.at(-1)).toContain('합계 1,830,000원');
    expect(pages.at(-1)).toContain('기부금 수령인: 마포푸드뱅크 (서명 또는 인)');
  });

  it('refuses amounts that are not integer won, or a total that is not the sum of the lines', async () => {
    await expect(renderReceiptPdf(receipt({ totalAmount: 181000 }))).rejects.toThrow(/not the sum/);
    const fractional = { kind: 'in_kind' as const, date: '2026-11-02', itemName: '두부', quantity: 3, unitValue: 333.5, amount: 1000 };
    await expect(renderReceiptPdf(receipt({ lines: [fractional], totalAmount: 1000 }))).rejects.toThrow(/integer won/);
  });
});
