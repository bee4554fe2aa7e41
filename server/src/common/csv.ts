import { csvField, csvRows } from '@frogpond/compute/csv';

/**
 * The server's CSV exports, written by compute's one CSV writer (RFC 4180; a cell a spreadsheet would read as a
 * formula is prefixed with an apostrophe, numbers stay numbers). Callers round numbers first.
 */
export const csvCell = csvField;

/** A header line and one line per row, CRLF-terminated. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return csvRows([header, ...rows]);
}
