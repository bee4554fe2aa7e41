/**
 * One RFC 4180 CSV field: empty for null/undefined; quoted (quotes doubled) when it holds a comma, quote or newline.
 * Text a spreadsheet would run as a formula (first character = + - @, tab or carriage return) is prefixed with an
 * apostrophe; numbers are written as they are, so negative values stay numbers.
 */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV of rows (the first one usually the header), CRLF line ends. */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
