/**
 * The one CSV writer (RFC 4180). A cell that a spreadsheet would read as a formula (it opens with = + - @, a tab or
 * a carriage return) is prefixed with an apostrophe, so user text such as a density label `=HYPERLINK(...)` stays
 * text. Numbers are written as given; callers round them first.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A header line and one line per row, CRLF-terminated. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
