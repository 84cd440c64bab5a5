/** CSV per RFC 4180: a header row, comma-separated fields, quotes doubled inside quoted fields, CRLF line ends. */

/** One CSV field: quoted when it holds a comma, a quote, a line break or edge spaces; null and undefined are empty. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]|^\s|\s$/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

/** One CSV record, CRLF-terminated. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
