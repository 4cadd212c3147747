import { stringify } from "csv-stringify/sync";

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

// A cell starting with one of these is run as a formula by spreadsheet apps (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
}

function toCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: ReadonlyArray<Row>): string {
  return stringify([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => cell(c.value(row))))], {
    record_delimiter: "\r\n",
  });
}

/** A CSV download; the UTF-8 byte-order mark makes spreadsheet apps read accents right. */
export function csvResponse<Row>(filename: string, columns: ReadonlyArray<CsvColumn<Row>>, rows: ReadonlyArray<Row>): Response {
  return new Response(`\uFEFF${toCsv(columns, rows)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
