/**
 * The records an import keeps, one per 法人番号, collected while reading: a
 * repeated record costs nothing (a zip of one record repeated a million times
 * keeps one), the number of distinct numbers is bounded, and two records of
 * one number that disagree on the name without saying which is newer stop the
 * import, naming both lines, instead of the later one winning silently.
 */
import { printable } from '../check/text-hygiene.ts';
import { HoujinFormatError, type HoujinRow } from './houjin.ts';

/** A record with the date of the file (or Web-API answer) it came from. */
export type DatedRow = HoujinRow & { fileDate: string };

/**
 * At most this many distinct numbers are kept. Japan has about 170 worker
 * co-ops and the directory a few hundred entries; a file with more records
 * that mention worker co-ops than this is not a real one.
 */
export const MAX_KEPT_NUMBERS = 100_000;

const where = (row: HoujinRow) => `${row.file} ${row.line}行目`;

/**
 * Which of two records of one number is newer, or `conflict`: a later file
 * wins; in one file (or files of one date) a record marked 最新履歴 1 wins over
 * one that is not; otherwise records that differ in name cannot be ordered.
 * Records that agree on the name are the same record repeated: the one later in
 * (file, line) order is kept, so the result does not depend on the order of
 * the files on the command line.
 */
export function newer(a: DatedRow, b: DatedRow): 'a' | 'b' | 'conflict' {
  if (a.fileDate !== b.fileDate) return a.fileDate > b.fileDate ? 'a' : 'b';
  if ((a.latest === '1') !== (b.latest === '1')) return a.latest === '1' ? 'a' : 'b';
  if (a.name !== b.name) return 'conflict';
  if (a.file !== b.file) return a.file > b.file ? 'a' : 'b';
  return a.line > b.line ? 'a' : 'b';
}

/** The newest record per 法人番号, filled while reading. */
export class RecordSet {
  readonly newest = new Map<string, DatedRow>();
  private readonly max: number;

  constructor(max = MAX_KEPT_NUMBERS) {
    this.max = max;
  }

  /** Adds a record; throws a HoujinFormatError on a conflict or past the bound. */
  add(row: DatedRow): void {
    const have = this.newest.get(row.corporateNumber);
    if (!have) {
      if (this.newest.size >= this.max)
        throw new HoujinFormatError(
          row.file,
          row.line,
          `対象の記録が ${this.max.toLocaleString('en')} 件を超えました（労働者協同組合の名称を含む記録がこれほど多いはずはありません。壊れたファイルか別のファイルです）`,
        );
      this.newest.set(row.corporateNumber, row);
      return;
    }
    const which = newer(row, have);
    if (which === 'conflict')
      throw new HoujinFormatError(
        row.file,
        row.line,
        `法人番号 ${row.corporateNumber} の記録が2つあり、名称が違います: ${where(have)}「${printable(have.name)}」と ${where(row)}「${printable(row.name)}」。どちらが新しいか決められないため中止しました`,
      );
    if (which === 'a') this.newest.set(row.corporateNumber, row);
  }
}
