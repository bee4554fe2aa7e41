/** One RFC 4180 CSV field: empty for null/undefined; quoted (quotes doubled) when it holds a comma, quote or newline. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV of rows (the first one usually the header), CRLF line ends. */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
