/**
 * The issue register (기부자별 발급명세) as CSV and XLSX, kept five years: one row per receipt
 * issued, voided ones included, since a serial is never reused.
 */
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';

export interface RegisterRow {
  serial: string;
  status: 'issued' | 'voided';
  kind: 'donation' | 'annual';
  form: 'donation_receipt' | 'food_donation_receipt';
  periodYear: number;
  issuedAt: string /* ISO timestamp */;
  donorName: string;
  donorRegistrationMasked: string | null;
  totalAmount: number;
  voidedAt: string | null;
  voidReason: string | null;
  reissueOfSerial: string | null;
  issuerName: string;
}

const STATUS: Record<RegisterRow['status'], string> = { issued: '발급', voided: '무효' };
const KIND: Record<RegisterRow['kind'], string> = { donation: '건별', annual: '연간' };
const FORM: Record<RegisterRow['form'], string> = { donation_receipt: '기부금영수증', food_donation_receipt: '기부식품 등 영수증' };

type Value = { type: 'text'; value: string | null } | { type: 'number'; value: number; format?: string } | { type: 'time'; value: string | null };

const text = (value: string | null): Value => ({ type: 'text', value });

/** The columns, in order; both formats are written from this one list. */
const COLUMNS: readonly { header: string; width: number; value: (row: RegisterRow) => Value }[] = [
  { header: '일련번호', width: 14, value: (row) => text(row.serial) },
  { header: '상태', width: 6, value: (row) => text(STATUS[row.status]) },
  { header: '구분', width: 6, value: (row) => text(KIND[row.kind]) },
  { header: '서식', width: 18, value: (row) => text(FORM[row.form]) },
  { header: '귀속연도', width: 9, value: (row) => ({ type: 'number', value: row.periodYear }) },
  { header: '발급일시', width: 18, value: (row) => ({ type: 'time', value: row.issuedAt }) },
  { header: '기부자', width: 20, value: (row) => text(row.donorName) },
  { header: '주민·사업자번호', width: 16, value: (row) => text(row.donorRegistrationMasked) },
  { header: '금액', width: 14, value: (row) => ({ type: 'number', value: row.totalAmount, format: '#,##0' }) },
  { header: '무효일시', width: 18, value: (row) => ({ type: 'time', value: row.voidedAt }) },
  { header: '무효사유', width: 24, value: (row) => text(row.voidReason) },
  { header: '재발급 원번호', width: 14, value: (row) => text(row.reissueOfSerial) },
  { header: '발급자', width: 10, value: (row) => text(row.issuerName) },
];

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab/CR, which some strip first) as a
 * formula; a leading apostrophe keeps a donor called '=HYPERLINK(…)' plain text (OWASP "CSV
 * injection"). Applied to every text cell in both formats, never to numbers.
 */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A stored timestamp as the food bank's wall-clock time (the server's time zone, see
 * server/lib/dates.ts): 'YYYY-MM-DD HH:mm:ss', which people read and spreadsheets sort.
 */
function localDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a timestamp: ${iso}`);
  return date.toLocaleString('sv-SE');
}

/** The same wall-clock time as a Date for XLSX, which has no time zones: its UTC fields carry the local time. */
function wallClockDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a timestamp: ${iso}`);
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()));
}

// ---------------------------------------------------------------------------------------------

function csvField(value: Value): string | number {
  switch (value.type) {
    case 'number':
      return value.value;
    case 'time':
      return value.value === null ? '' : localDateTime(value.value);
    case 'text':
      return value.value === null ? '' : neutraliseFormula(value.value);
  }
}

/** CSV for Excel: UTF-8 with a byte order mark (else Excel reads Korean as ANSI), CRLF line ends. */
export function registerCsv(rows: readonly RegisterRow[]): string {
  const records = rows.map((row) => COLUMNS.map((column) => csvField(column.value(row))));
  return stringify(records, {
    bom: true,
    header: true,
    columns: COLUMNS.map((column) => column.header),
    record_delimiter: 'windows',
  });
}

// ---------------------------------------------------------------------------------------------

function xlsxCell(value: Value): Cell {
  switch (value.type) {
    case 'number':
      return value.format ? { value: value.value, type: Number, format: value.format } : { value: value.value, type: Number };
    case 'time':
      return value.value === null ? null : { value: wallClockDate(value.value), type: Date, format: 'yyyy-mm-dd hh:mm:ss' };
    case 'text':
      // Typed as text so Excel does not reread serials such as '2026-000012' as dates or numbers.
      return value.value === null ? null : { value: neutraliseFormula(value.value), type: String, format: '@' };
  }
}

/** One sheet, 발급명세, header row frozen; amounts are numbers and times are spreadsheet dates. */
export async function registerXlsx(rows: readonly RegisterRow[]): Promise<Buffer> {
  const header: Row = COLUMNS.map((column) => ({ value: column.header, fontWeight: 'bold', align: 'center' }));
  const data: Row[] = [header, ...rows.map((row) => COLUMNS.map((column) => xlsxCell(column.value(row))))];
  return writeXlsxFile(data, {
    sheet: '발급명세',
    columns: COLUMNS.map((column) => ({ width: column.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}
