/**
 * CSV as Excel in Japan reads it: UTF-8 with a byte-order mark (without it
 * Excel guesses Shift_JIS and shows mojibake), CRLF line ends, one header
 * row, fields quoted as RFC 4180 says. Multi-valued fields are joined with
 * one documented separator.
 */

/** The byte-order mark that makes Excel read UTF-8. */
export const BOM = '\uFEFF';

/** Line end between records (RFC 4180, and what Excel writes). */
export const CRLF = '\r\n';

/** Separator between the values of a multi-valued field (a plain ASCII vertical bar). */
export const MULTI_SEPARATOR = '|';

/** What a CSV field may hold; undefined and null become an empty field. */
export type CsvValue = string | number | boolean | undefined | null;

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP,
 * "CSV Injection"): = + - @, tab and carriage return, and their full-width
 * forms, which Japanese input methods type and Excel also accepts.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * One field, quoted when it holds a comma, a double quote, a line break or
 * edge spaces; quotes doubled. A text value that a spreadsheet would run as
 * a formula is neutralised as OWASP advises: a leading apostrophe, and the
 * field quoted. Numbers and booleans are written as they are.
 */
export function csvField(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: BOM (unless `bom: false`), header row, then one record per row, each ending in CRLF. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: { bom?: boolean } = {},
): string {
  const width = header.length;
  const lines = [header, ...rows].map((row, i) => {
    if (row.length !== width) throw new Error(`CSV row ${i} has ${row.length} fields, the header has ${width}`);
    return row.map(csvField).join(',');
  });
  return `${options.bom === false ? '' : BOM}${lines.map((l) => `${l}${CRLF}`).join('')}`;
}

/** Joins the values of a multi-valued field with `|`; a `|` inside a value becomes the full-width `｜`, so splitting on `|` gives the values back. */
export function joinMulti(
  values: readonly (string | undefined)[] | undefined,
  escape: (value: string) => string = (v) => v.replaceAll(MULTI_SEPARATOR, '｜'),
): string {
  return (values ?? [])
    .filter((v): v is string => v !== undefined && v !== '')
    .map(escape)
    .join(MULTI_SEPARATOR);
}

/** Joins URLs with `|`; a `|` inside a URL is percent-encoded, which keeps the URL the same resource. */
export function joinUrls(urls: readonly (string | undefined)[] | undefined): string {
  return joinMulti(urls, (u) => u.replaceAll(MULTI_SEPARATOR, '%7C'));
}
