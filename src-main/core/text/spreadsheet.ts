// Formula-safe CSV cells (OWASP "CSV injection"): a spreadsheet runs a cell that starts with
// = + - @ (or their full-width forms), a tab, a line break or NUL as a formula — a caption like
// "=HYPERLINK(…)" or "-20% today" would become live in Excel. Files meant for spreadsheets get a
// single quote in front of such cells (Excel, LibreOffice and Sheets read it as "this is text").
//
// The quote is reversible: `unescapeFormula(escapeFormula(x)) === x` for every x, including text
// that already starts with quotes, so an Atelier CSV round trip keeps each caption exactly.
const TRIGGER = '=+\\-@\\t\\r\\n\\0\\uFF1D\\uFF0B\\uFF0D\\uFF20';
const STARTS_LIKE_FORMULA = new RegExp(`^\\s*[${TRIGGER}]`);
const NEEDS_QUOTE = new RegExp(`^'*\\s*[${TRIGGER}]`);

/** Whether a spreadsheet would read this cell as a formula. */
export function looksLikeFormula(cell: string): boolean {
  return STARTS_LIKE_FORMULA.test(cell);
}

export function escapeFormula(cell: string): string {
  return NEEDS_QUOTE.test(cell) ? `'${cell}` : cell;
}

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && NEEDS_QUOTE.test(cell) ? cell.slice(1) : cell;
}
