/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break; formulas neutralised for spreadsheets. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const field = (value: string | number | null | undefined) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
