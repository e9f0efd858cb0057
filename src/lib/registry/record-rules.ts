/**
 * Checks on one record of the corporate-number site's CSV, each a named rule
 * that returns the column at fault and what is wrong. Two sets:
 *
 * - the layout (every record of every file): 30 columns, a valid 法人番号, codes
 *   and real dates. A record that breaks the published layout means the file
 *   is not what we think it is, so the whole import stops.
 * - what we keep (records of our co-ops or that mention worker co-ops): every
 *   field one line, no control or invisible character (the data check's own
 *   rule, src/lib/check/text-hygiene.ts), at most 2,000 characters, no date
 *   after today. These would otherwise fail later, naming only the YAML file
 *   the record would have become; here the refusal names the input and line.
 */
import { corporateNumberProblem } from '../model/corporate-number.ts';
import { parsePartialDate } from '../model/dates.ts';
import { CLOSE_CAUSE } from '../model/vocabularies.ts';
import { textProblem } from '../check/text-hygiene.ts';
import { HOUJIN_COLUMNS, HoujinFormatError, type HoujinKey, type HoujinRow } from './houjin.ts';

/** The longest value the data check accepts in a text field; the reader refuses longer ones first. */
export const MAX_FIELD_CHARS = 2000;

/** A rule's finding: the column and what is wrong with its value. */
type Finding = [HoujinKey, string] | undefined;
type Rule = (row: HoujinRow) => Finding;

const DATE_KEYS = ['updateDate', 'changeDate', 'closeDate', 'assignmentDate'] as const;

const digits = (key: HoujinKey, n: number, optional = true): Rule => {
  const pattern = new RegExp(`^\\d{${n}}$`);
  return (row) =>
    (optional && row[key] === '') || pattern.test(row[key]) ? undefined : [key, `は${n}桁の数字ではありません`];
};

/** The published layout, one rule per fact. */
const LAYOUT_RULES: Rule[] = [
  (row) => {
    const problem = corporateNumberProblem(row.corporateNumber);
    return problem ? ['corporateNumber', `が正しくありません: ${problem}`] : undefined;
  },
  digits('process', 2, false),
  (row) => (row.process === '99' || /^\d{3}$/.test(row.kind) ? undefined : ['kind', 'は3桁の数字ではありません']),
  (row) => (row.process === '99' || row.name !== '' ? undefined : ['name', 'が空です']),
  (row) => {
    const key = DATE_KEYS.find(
      (k) => row[k] !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(row[k]) && parsePartialDate(row[k])),
    );
    return key ? [key, 'は YYYY-MM-DD の実在する日付ではありません'] : undefined;
  },
  digits('prefectureCode', 2),
  digits('cityCode', 3),
  digits('postCode', 7),
  (row) =>
    row.closeCause === '' || row.closeCause in CLOSE_CAUSE.labels
      ? undefined
      : ['closeCause', 'は 01・11・21・31 のいずれでもありません'],
  (row) =>
    row.closeDate !== '' && row.closeCause === ''
      ? ['closeCause', 'が空です（閉鎖等年月日があるのに事由がありません）']
      : undefined,
  (row) =>
    row.successorCorporateNumber !== '' && corporateNumberProblem(row.successorCorporateNumber)
      ? ['successorCorporateNumber', 'が正しい法人番号ではありません']
      : undefined,
  (row) => (['', '0', '1'].includes(row.latest) ? undefined : ['latest', 'は 0 か 1 ではありません']),
];

function refuse(row: HoujinRow, [key, what]: [HoujinKey, string], showValue = true): never {
  const i = HOUJIN_COLUMNS.findIndex(([k]) => k === key);
  const value = showValue ? `"${row[key].length > 80 ? `${row[key].slice(0, 80)}…` : row[key]}" ` : '';
  throw new HoujinFormatError(row.file, row.line, `${HOUJIN_COLUMNS[i]![1]}（${i + 1}列目）${value}${what}`);
}

/** Checks one record's fields against the published layout; returns the record or throws naming file and line. */
export function toRow(fields: string[], file: string, line: number): HoujinRow {
  if (fields.length !== HOUJIN_COLUMNS.length) {
    throw new HoujinFormatError(
      file,
      line,
      `項目数が ${fields.length} です（法人番号公表サイトの CSV は ${HOUJIN_COLUMNS.length} 項目。全件・差分データの CSV 形式か確かめてください）`,
    );
  }
  const row = { file, line } as HoujinRow;
  HOUJIN_COLUMNS.forEach(([key], i) => {
    row[key] = fields[i]!;
  });
  // Line breaks first: trimming would hide one at either end of a value.
  const broken = HOUJIN_COLUMNS.find(([key]) => /[\r\n]/.test(row[key]));
  if (broken)
    refuse(row, [broken[0], 'に改行があります（1行の項目です。改行で要約の行を偽装できるため受け付けません）'], false);
  for (const [key] of HOUJIN_COLUMNS) row[key] = row[key].trim();
  for (const rule of LAYOUT_RULES) {
    const finding = rule(row);
    if (finding) refuse(row, finding);
  }
  return row;
}

/**
 * The checks on a record we keep, which the data check would otherwise make
 * on the YAML written from it: printable one-line text of at most 2,000
 * characters, and no date after `today` (nor a closure before the number).
 */
export function checkKeptRow(row: HoujinRow, today: string): void {
  for (const [key] of HOUJIN_COLUMNS) {
    const value = row[key];
    if (value.length > MAX_FIELD_CHARS)
      refuse(
        row,
        [
          key,
          `が ${value.length.toLocaleString('en')} 文字あります（${MAX_FIELD_CHARS.toLocaleString('en')} 文字まで）`,
        ],
        false,
      );
    const problem = textProblem(value);
    if (problem) refuse(row, [key, `に${problem}`], false);
  }
  const future = DATE_KEYS.find((k) => row[k] > today);
  if (future) refuse(row, [future, `が今日（${today}）より後の日付です`]);
}
