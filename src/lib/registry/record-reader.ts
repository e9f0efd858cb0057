/**
 * One input (a CSV file, a zip entry, or a Web-API answer) read as records:
 * bytes → bounded lines → strictly decoded text → fields (papaparse) → a record
 * checked against the layout → kept or dropped. What is kept goes straight to
 * the caller (a RecordSet), so memory holds one line at a time.
 */
import { ByteLines, fieldsOf, LineDecoder, type Encoding } from './lines.ts';
import { checkKeptRow, toRow } from './record-rules.ts';
import type { HoujinRow } from './houjin.ts';

/** What a RecordReader needs to know. */
export interface RecordReaderOptions {
  /** The input's name in messages: a path, `archive.zip:entry.csv`, or the Web-API page. */
  input: string;
  /** Today in Japan ('YYYY-MM-DD'): kept records may not carry a later date. */
  today: string;
  /** Which records concern us (the others are checked against the layout and dropped). */
  keep: (row: HoujinRow) => boolean;
  /** Receives every kept record, checked. */
  onRow: (row: HoujinRow) => void;
  /** The encoding when it is known (the Web-API's type=02 is UTF-8); else sniffed from the first non-ASCII line. */
  encoding?: Encoding | undefined;
  /** Receives the first line instead of the record reader (the Web-API's header line). */
  onHeader?: ((text: string, line: number) => void) | undefined;
}

/** Reads one input's bytes as they arrive; call end() after the last chunk. */
export class RecordReader {
  /** Records read (kept or not). */
  records = 0;
  /** Records kept. */
  kept = 0;
  /** The newest 更新年月日 seen, for a file whose name has no date. */
  newestUpdate = '';
  private readonly lines: ByteLines;
  private readonly decoder: LineDecoder;
  private readonly opts: RecordReaderOptions;
  private headerPending: boolean;

  constructor(opts: RecordReaderOptions) {
    this.opts = opts;
    this.decoder = new LineDecoder(opts.input, opts.encoding);
    this.headerPending = opts.onHeader !== undefined;
    this.lines = new ByteLines(opts.input, (bytes, line) => this.line(bytes, line));
  }

  /** The encoding the input turned out to be in (UTF-8 until a non-ASCII line says otherwise). */
  get encoding(): Encoding {
    return this.decoder.encoding ?? 'utf-8';
  }

  /** Feeds the next chunk of bytes. */
  push(chunk: Uint8Array): void {
    this.lines.push(chunk);
  }

  /** Ends the input (a last line without a line break counts). */
  end(): void {
    this.lines.end();
  }

  private line(bytes: Uint8Array, line: number): void {
    const text = this.decoder.decode(bytes, line);
    if (this.headerPending) {
      this.headerPending = false;
      this.opts.onHeader!(text, line);
      return;
    }
    const row = toRow(fieldsOf(text, this.opts.input, line), this.opts.input, line);
    this.records++;
    if (row.updateDate > this.newestUpdate) this.newestUpdate = row.updateDate;
    if (!this.opts.keep(row)) return;
    checkKeptRow(row, this.opts.today);
    this.kept++;
    this.opts.onRow(row);
  }
}
