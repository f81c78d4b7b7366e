import readExcelFile, { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCsv, registerXlsx, type RegisterRow } from '../../server/lib/register-export.js';

// Times are exported as the food bank's wall clock, i.e. the server's time zone.
beforeAll(() => {
  vi.stubEnv('TZ', 'Asia/Seoul');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const HEADERS = ['일련번호', '상태', '구분', '서식', '귀속연도', '발급일시', '기부자', '주민·사업자번호', '금액', '무효일시', '무효사유', '재발급 원번호', '발급자'];

const issued: RegisterRow = {
  serial: '2026-000012',
  status: 'issued',
  kind: 'donation',
  form: 'donation_receipt',
  periodYear: 2026,
  issuedAt: '2026-11-03T01:15:30.000Z', // 10:15:30 in Seoul
  donorName: '김민지',
  donorRegistrationMasked: '950315-2******',
  totalAmount: 182000,
  voidedAt: null,
  voidReason: null,
  reissueOfSerial: null,
  issuerName: '박서준',
};

// Every text field a donor or staff member can type, set to something a spreadsheet would run.
const hostile: RegisterRow = {
  serial: '2026-000013',
  status: 'voided',
  kind: 'annual',
  form: 'food_donation_receipt',
  periodYear: 2025,
  issuedAt: '2026-01-10T16:00:00.000Z', // the next day, 01:00, in Seoul
  donorName: '=HYPERLINK("http://evil.example","클릭")',
  donorRegistrationMasked: '123-45-*****',
  totalAmount: 1234000,
  voidedAt: '2026-01-12T00:30:00.000Z',
  voidReason: '+82 10 1234 5678 오기',
  reissueOfSerial: '2025-000009',
  issuerName: '@관리자',
};

const reissue: RegisterRow = { ...issued, serial: '2026-000014', donorName: '-5+3', issuerName: '\t탭', voidReason: null, reissueOfSerial: '2026-000013', totalAmount: 0 };

describe('issue register CSV', () => {
  it('starts with a BOM and Korean headers, one CRLF line per receipt', () => {
    const csv = registerCsv([issued, hostile, reissue]);

    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe(''); // a final line end, and no bare \n anywhere
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    expect(lines.slice(0, -1)).toEqual([
      HEADERS.join(','),
      '2026-000012,발급,건별,기부금영수증,2026,2026-11-03 10:15:30,김민지,950315-2******,182000,,,,박서준',
      `2026-000013,무효,연간,기부식품 등 영수증,2025,2026-01-11 01:00:00,"'=HYPERLINK(""http://evil.example"",""클릭"")",123-45-*****,1234000,2026-01-12 09:30:00,'+82 10 1234 5678 오기,2025-000009,'@관리자`,
      `2026-000014,발급,건별,기부금영수증,2026,2026-11-03 10:15:30,'-5+3,950315-2******,0,,,2026-000013,'\t탭`,
    ]);
  });

  it('writes only the header for an empty register', () => {
    expect(registerCsv([])).toBe(`\uFEFF${HEADERS.join(',')}\r\n`);
  });
});

/** XLSX stores a time as a fraction of a day, so it can read back a millisecond early. */
const toWholeSecond = <T,>(value: T): T | Date => (value instanceof Date ? new Date(Math.round(value.getTime() / 1000) * 1000) : value);

describe('issue register XLSX', () => {
  // Spreadsheets have no time zones: a date cell holds the Seoul wall-clock time, read back as that time in UTC.
  it('has one sheet 발급명세 with the same rows, amounts as numbers and times as dates', async () => {
    const xlsx = await registerXlsx([issued, hostile, reissue]);

    const sheets = await readExcelFile(xlsx);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['발급명세']);
    const rows = (await readSheet(xlsx, '발급명세', { trim: false })).map((row) => row.map(toWholeSecond));
    expect(rows).toEqual([
      HEADERS,
      ['2026-000012', '발급', '건별', '기부금영수증', 2026, new Date('2026-11-03T10:15:30Z'), '김민지', '950315-2******', 182000, null, null, null, '박서준'],
      [
        '2026-000013',
        '무효',
        '연간',
        '기부식품 등 영수증',
        2025,
        new Date('2026-01-11T01:00:00Z'),
        `'=HYPERLINK("http://evil.example","클릭")`,
        '123-45-*****',
        1234000,
        new Date('2026-01-12T09:30:00Z'),
        "'+82 10 1234 5678 오기",
        '2025-000009',
        "'@관리자",
      ],
      ['2026-000014', '발급', '건별', '기부금영수증', 2026, new Date('2026-11-03T10:15:30Z'), "'-5+3", '950315-2******', 0, null, null, '2026-000013', "'\t탭"],
    ]);
  });
});
