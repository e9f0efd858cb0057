/**
 * The corporate-number site's CSV as lines of bytes: split at LF before any
 * decoding, each line bounded in length and decoded strictly on its own, so a
 * line in another encoding or past a sane length is refused with its number
 * instead of being dropped silently or filling the memory. Neither UTF-8 nor
 * Shift_JIS uses the byte 0x0A inside a character, so splitting first is safe;
 * a record never spans lines because no field of the layout may hold a line
 * break (HOUJIN_COLUMNS in houjin.ts: every field is one line).
 */
import Papa from 'papaparse';
import { HoujinFormatError } from './houjin.ts';

/**
 * The longest line accepted, in bytes. A real record is 200–600 bytes (30
 * fields; the longest, the name, is at most 150 characters per the Web-API's
 * limits); 16 KiB leaves room for every field at its longest and still stops a
 * file of one endless line (a zip that expands to gigabytes) at once.
 */
export const MAX_LINE_BYTES = 16 * 1024;

/** The two editions the site publishes: Unicode (UTF-8) and Shift_JIS. */
export type Encoding = 'utf-8' | 'shift_jis';

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Splits a stream of bytes into lines (LF or CRLF; a blank line is skipped but
 * counted). A line longer than `maxBytes` is refused as soon as it passes the
 * bound, naming the input and the line.
 */
export class ByteLines {
  private pending: Uint8Array[] = [];
  private pendingSize = 0;
  private line = 0;
  private readonly onLine: (bytes: Uint8Array, line: number) => void;
  private readonly input: string;
  private readonly maxBytes: number;

  constructor(input: string, onLine: (bytes: Uint8Array, line: number) => void, maxBytes = MAX_LINE_BYTES) {
    this.input = input;
    this.onLine = onLine;
    this.maxBytes = maxBytes;
  }

  /** Feeds the next chunk (chunks may end anywhere, even inside a character). */
  push(chunk: Uint8Array): void {
    let start = 0;
    for (;;) {
      const lf = chunk.indexOf(0x0a, start);
      const part = chunk.subarray(start, lf === -1 ? chunk.length : lf);
      this.bound(this.pendingSize + part.length);
      if (lf === -1) {
        if (part.length > 0) {
          this.pending.push(part.slice());
          this.pendingSize += part.length;
        }
        return;
      }
      this.emit(this.pendingSize > 0 ? concat([...this.pending, part], this.pendingSize + part.length) : part);
      start = lf + 1;
    }
  }

  /** Ends the input: a last line without a line break is emitted too. */
  end(): void {
    if (this.pendingSize > 0) this.emit(concat(this.pending, this.pendingSize));
  }

  private bound(size: number): void {
    if (size > this.maxBytes)
      throw new HoujinFormatError(
        this.input,
        this.line + 1,
        `1行が ${this.maxBytes.toLocaleString('en')} バイトを超えています（法人番号公表サイトの記録は1行数百バイトです。壊れたファイルか別の形式のファイルです）`,
      );
  }

  private emit(bytes: Uint8Array): void {
    this.pending = [];
    this.pendingSize = 0;
    this.line++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    if (end > 0) this.onLine(bytes.subarray(0, end), this.line);
  }
}

const strict = { utf8: new TextDecoder('utf-8', { fatal: true }), sjis: new TextDecoder('shift_jis', { fatal: true }) };

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether a line is plain ASCII (the same in both editions). */
function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b > 0x7f) return false;
  return true;
}

/**
 * Decodes line after line strictly (TextDecoder with `fatal: true`). The
 * encoding is the one given, or else the one of the first line that is not
 * plain ASCII: UTF-8 when it decodes as UTF-8, else Shift_JIS. A later line that
 * does not decode in that encoding is refused with its number, and so is a
 * line in a Shift_JIS file that is valid UTF-8 (Shift_JIS would read it without
 * an error, as mojibake). A UTF-8 byte-order mark on the first line is dropped.
 */
export class LineDecoder {
  encoding: Encoding | undefined;
  private readonly input: string;

  constructor(input: string, encoding?: Encoding) {
    this.input = input;
    this.encoding = encoding;
  }

  /** The text of one line, or a HoujinFormatError naming the line. */
  decode(bytes: Uint8Array, line: number): string {
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
      this.encoding ??= 'utf-8';
    }
    if (isAscii(bytes)) return strict.utf8.decode(bytes);
    const utf8 = tryDecode(strict.utf8, bytes);
    if (this.encoding === undefined) {
      this.encoding = utf8 !== undefined ? 'utf-8' : 'shift_jis';
    }
    if (this.encoding === 'utf-8') {
      if (utf8 !== undefined) return utf8;
      const other = tryDecode(strict.sjis, bytes) !== undefined ? '（Shift_JIS 版の行が混ざっているようです）' : '';
      throw new HoujinFormatError(
        this.input,
        line,
        `UTF-8（Unicode 版）として読めない文字があります${other}。この行を読み飛ばすと組合が黙って抜けるため、取り込みを中止しました`,
      );
    }
    if (utf8 !== undefined)
      throw new HoujinFormatError(
        this.input,
        line,
        'Shift_JIS 版のファイルに UTF-8（Unicode 版）の行が混ざっています。Shift_JIS として読むと文字化けするため、取り込みを中止しました',
      );
    const sjis = tryDecode(strict.sjis, bytes);
    if (sjis === undefined)
      throw new HoujinFormatError(
        this.input,
        line,
        'UTF-8（Unicode 版）としても Shift_JIS 版としても読めません。法人番号公表サイトの CSV ファイルか確かめてください',
      );
    return sjis;
  }
}

/**
 * The fields of one CSV line, parsed by papaparse (quotes, doubled quotes,
 * commas inside quotes). An unclosed or misplaced quote is refused: a quoted
 * line break would be one, since records never span lines here.
 */
export function fieldsOf(text: string, input: string, line: number): string[] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', quoteChar: '"', escapeChar: '"' });
  const error = parsed.errors[0];
  if (error || parsed.data.length !== 1)
    throw new HoujinFormatError(
      input,
      line,
      `CSV の引用符 " が正しく閉じられていません（${error?.message ?? '1行に2件以上の記録'}）。項目の中の改行は受け付けません`,
    );
  return parsed.data[0]!;
}
