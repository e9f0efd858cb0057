/**
 * The corporate-number site's download files (国税庁法人番号公表サイト
 * 「基本3情報ダウンロード」): parsing, choosing the worker co-operatives, and
 * turning their registry records into directory entries. Pure functions; the
 * files are read and written by scripts/lib/houjin-import.ts.
 *
 * File format: CSV, no header row, 30 columns per record, fields quoted with
 * `"` where needed. The full files (全件データ, per prefecture, as of each month
 * end) and the change files (差分データ, nationwide, per day) share the layout.
 * The site offers a Unicode edition (UTF-8, JIS levels 1–4) and a Shift_JIS
 * edition (JIS levels 1–2 only, other characters replaced); both are read, the
 * Unicode edition is the one to use.
 *
 * Column list: 国税庁「リソース定義書」(第3.0版 and later; the CSV columns are
 * its items from 一連番号 to 検索対象除外), announced at
 * https://www.houjin-bangou.nta.go.jp/oshirase/h30/h300131-2.html (フリガナ
 * added 2018-04) and linked from https://www.houjin-bangou.nta.go.jp/download/.
 * Codes: 処理区分, 法人種別 and 登記記録の閉鎖等の事由 as listed in the same
 * definition. The definition numbers its items from the Web-API header (six
 * items before 一連番号), so CSV column n is its 項番 n + 6: the agency's FAQ
 * (https://www.nta.go.jp/mynumberinfo/FAQ/03houjinbangou-kohyo.htm) calls
 * 法人種別 項番15 (column 9) and 国内所在地（丁目番地等） 項番18 (column 12).
 */
import { corporateNumberProblem, corporateNumberUrl } from '../model/corporate-number.ts';
import { checkDigitFor, prefectureCodeOf } from '../places/lgcode.ts';
import { CLOSE_CAUSE } from '../model/vocabularies.ts';

/** The 30 columns of a record, in file order: our key and the definition's item name. */
export const HOUJIN_COLUMNS = [
  ['sequenceNumber', '一連番号'],
  ['corporateNumber', '法人番号'],
  ['process', '処理区分'],
  ['correct', '訂正区分'],
  ['updateDate', '更新年月日'],
  ['changeDate', '変更年月日'],
  ['name', '商号又は名称'],
  ['nameImageId', '商号又は名称イメージID'],
  ['kind', '法人種別'],
  ['prefectureName', '国内所在地（都道府県）'],
  ['cityName', '国内所在地（市区町村）'],
  ['streetNumber', '国内所在地（丁目番地等）'],
  ['addressImageId', '国内所在地イメージID'],
  ['prefectureCode', '都道府県コード'],
  ['cityCode', '市区町村コード'],
  ['postCode', '郵便番号'],
  ['addressOutside', '国外所在地'],
  ['addressOutsideImageId', '国外所在地イメージID'],
  ['closeDate', '登記記録の閉鎖等年月日'],
  ['closeCause', '登記記録の閉鎖等の事由'],
  ['successorCorporateNumber', '承継先法人番号'],
  ['changeCause', '変更事由の詳細'],
  ['assignmentDate', '法人番号指定年月日'],
  ['latest', '最新履歴'],
  ['enName', '商号又は名称（英語表記）'],
  ['enPrefectureName', '国内所在地（都道府県）（英語表記）'],
  ['enCityName', '国内所在地（市区町村丁目番地等）（英語表記）'],
  ['enAddressOutside', '国外所在地（英語表記）'],
  ['furigana', 'フリガナ'],
  ['hihyoji', '検索対象除外'],
] as const;

export type HoujinKey = (typeof HOUJIN_COLUMNS)[number][0];

/** One record of a download file, with where it came from. */
export type HoujinRow = Record<HoujinKey, string> & { file: string; line: number };

/** 処理区分 (what the record reports). */
export const PROCESS_LABELS: Record<string, string> = {
  '01': '新規',
  '11': '商号又は名称の変更',
  '12': '国内所在地の変更',
  '13': '国外所在地の変更',
  '21': '登記記録の閉鎖等',
  '22': '登記記録の閉鎖等の取消し',
  '71': '吸収合併',
  '72': '吸収合併無効',
  '81': '商号の登記の抹消',
  '99': '削除',
};

/** 法人種別. Worker co-ops have no code of their own: they are 399 その他の設立登記法人. */
export const KIND_LABELS: Record<string, string> = {
  '101': '国の機関',
  '201': '地方公共団体',
  '301': '株式会社',
  '302': '有限会社',
  '303': '合名会社',
  '304': '合資会社',
  '305': '合同会社',
  '399': 'その他の設立登記法人',
  '401': '外国会社等',
  '499': 'その他',
};

/** A malformed file or record: the message names the file and the line. */
export class HoujinFormatError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, message: string) {
    super(`${file}${line !== undefined ? ` ${line}行目` : ''}: ${message}`);
    this.name = 'HoujinFormatError';
    this.file = file;
    this.line = line;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one record's fields against the definition; returns the record or throws naming file and line. */
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
    row[key] = fields[i]!.trim();
  });
  const bad = (key: HoujinKey, what: string) => {
    const label = HOUJIN_COLUMNS.find(([k]) => k === key)![1];
    throw new HoujinFormatError(
      file,
      line,
      `${label}（${HOUJIN_COLUMNS.findIndex(([k]) => k === key) + 1}列目）"${row[key]}" ${what}`,
    );
  };
  const numberProblem = corporateNumberProblem(row.corporateNumber);
  if (numberProblem) bad('corporateNumber', `が正しくありません: ${numberProblem}`);
  if (!/^\d{2}$/.test(row.process)) bad('process', 'は2桁の数字ではありません');
  if (row.process !== '99') {
    if (!/^\d{3}$/.test(row.kind)) bad('kind', 'は3桁の数字ではありません');
    if (row.name === '') bad('name', 'が空です');
  }
  for (const key of ['updateDate', 'changeDate', 'closeDate', 'assignmentDate'] as const) {
    if (row[key] !== '' && !DATE.test(row[key])) bad(key, 'は YYYY-MM-DD の日付ではありません');
  }
  if (row.prefectureCode !== '' && !/^\d{2}$/.test(row.prefectureCode))
    bad('prefectureCode', 'は2桁の数字ではありません');
  if (row.cityCode !== '' && !/^\d{3}$/.test(row.cityCode)) bad('cityCode', 'は3桁の数字ではありません');
  if (row.postCode !== '' && !/^\d{7}$/.test(row.postCode)) bad('postCode', 'は7桁の数字ではありません');
  if (row.closeCause !== '' && !(row.closeCause in CLOSE_CAUSE.labels))
    bad('closeCause', 'は 01・11・21・31 のいずれでもありません');
  if (row.closeDate !== '' && row.closeCause === '')
    bad('closeCause', 'が空です（閉鎖等年月日があるのに事由がありません）');
  if (row.successorCorporateNumber !== '' && corporateNumberProblem(row.successorCorporateNumber))
    bad('successorCorporateNumber', 'が正しい法人番号ではありません');
  if (row.latest !== '' && row.latest !== '0' && row.latest !== '1') bad('latest', 'は 0 か 1 ではありません');
  return row;
}

/**
 * Splits CSV text into records incrementally (chunks may end anywhere, even
 * inside a quoted field). Each record comes with the line it starts on.
 */
export class CsvSplitter {
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  /** Inside quotes, a `"` was just seen: either the closing quote or the first of an escaped pair. */
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private pendingCR = false;
  private started = false;

  private readonly onRecord: (fields: string[], line: number) => void;

  constructor(onRecord: (fields: string[], line: number) => void) {
    this.onRecord = onRecord;
  }

  push(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (ch === '\n') continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false;
          // fall through: the character after a closing quote
        } else if (ch === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          if (ch === '\n') this.line++;
          this.field += ch;
          continue;
        }
      }
      if (ch === '"' && this.field === '') {
        this.quoted = true;
        this.started = true;
      } else if (ch === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.started = true;
      } else if (ch === '\n' || ch === '\r') {
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        if (ch === '\r') this.pendingCR = true;
      } else {
        this.field += ch;
        this.started = true;
      }
    }
  }

  private endRecord(): void {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    if (!this.started && this.fields.length === 0 && this.field === '') return; // blank line
    this.fields.push(this.field);
    const fields = this.fields;
    this.fields = [];
    this.field = '';
    this.started = false;
    this.onRecord(fields, this.recordLine);
  }

  /** Ends the text: a last record without a line break is emitted; an unclosed quote is an error. */
  end(file: string): void {
    if (this.quoted && !this.quoteSeen)
      throw new HoujinFormatError(file, this.recordLine, '引用符 " が閉じられていません');
    this.endRecord();
  }
}

/** Every record of one CSV text (the whole file in memory; the importer streams large files through CsvSplitter instead). */
export function parseHoujinCsv(text: string, file: string): HoujinRow[] {
  const rows: HoujinRow[] = [];
  const splitter = new CsvSplitter((fields, line) => rows.push(toRow(fields, file, line)));
  splitter.push(text.startsWith('\uFEFF') ? text.slice(1) : text);
  splitter.end(file);
  return rows;
}

/** Which encoding a file's first bytes are in: the Unicode edition (UTF-8) or the Shift_JIS edition. */
export function sniffEncoding(head: Uint8Array, file: string): 'utf-8' | 'shift_jis' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    try {
      new TextDecoder('shift_jis', { fatal: true }).decode(head, { stream: true });
      return 'shift_jis';
    } catch {
      throw new HoujinFormatError(
        file,
        undefined,
        'UTF-8（Unicode 版）としても Shift_JIS 版としても読めません。法人番号公表サイトの CSV ファイルか確かめてください',
      );
    }
  }
}

/** The date a download file speaks for, from its name (`13_tokyo_all_20261031.zip`, `diff_20261127.csv`): 'YYYY-MM-DD', or undefined. */
export function fileDateFromName(name: string): string | undefined {
  const m = /(20\d{2})(\d{2})(\d{2})/.exec(name.replace(/^.*[\\/]/, ''));
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? undefined : day;
}

// ---------------------------------------------------------------------------
// Which records are worker co-operatives

/** The legal-form words the 労働者協同組合法 reserves, longest first. */
const FORM_WORDS = [
  {
    word: '労働者協同組合連合会',
    kana: 'ロウドウシャキョウドウクミアイレンゴウカイ',
    legalForm: '労働者協同組合連合会',
    kind: 'federation',
    tokutei: false,
  },
  {
    word: '特定労働者協同組合',
    kana: 'トクテイロウドウシャキョウドウクミアイ',
    legalForm: '特定労働者協同組合',
    kind: 'coop',
    tokutei: true,
  },
  {
    word: '労働者協同組合',
    kana: 'ロウドウシャキョウドウクミアイ',
    legalForm: '労働者協同組合',
    kind: 'coop',
    tokutei: false,
  },
] as const;

/** Legal-form words of other 法人 registered under 399 or elsewhere; a name with one of them is not a worker co-op. */
const OTHER_FORMS = [
  '一般社団法人',
  '一般財団法人',
  '公益社団法人',
  '公益財団法人',
  '特定非営利活動法人',
  'ＮＰＯ法人',
  'NPO法人',
  '社会福祉法人',
  '企業組合',
  '事業協同組合',
  '協同組合連合会',
  '生活協同組合',
  '農事組合法人',
  '医療法人',
  '学校法人',
  '株式会社',
  '有限会社',
  '合同会社',
  '合名会社',
  '合資会社',
  '有限責任事業組合',
];

export type Classification =
  | {
      coop: true;
      legalForm: '労働者協同組合' | '特定労働者協同組合' | '労働者協同組合連合会';
      kind: 'coop' | 'federation';
      tokutei: boolean;
    }
  | { coop: false; reason: string };

/** Whether a record mentions worker co-ops at all (only these are reported when skipped). */
export function mentionsWorkerCoop(row: Pick<HoujinRow, 'name' | 'furigana'>): boolean {
  return row.name.includes('労働者協同組合') || row.furigana.includes('ロウドウシャキョウドウクミアイ');
}

/**
 * Is this record a worker co-operative? The law reserves the names: a co-op
 * must carry 「労働者協同組合」 in its name, a 特定労働者協同組合 that word, a
 * federation 「労働者協同組合連合会」, and no one else may use them. In
 * practice the word starts or ends the name. So: 法人種別 399, a reserved word
 * at the start or end of the name, and no other legal-form word (「一般社団法人
 * 労働者協同組合研究会」 is not a co-op). A reserved word in the middle of a
 * name is reported for an editor to check, not imported.
 */
export function classify(row: Pick<HoujinRow, 'name' | 'kind'>): Classification {
  const name = row.name.normalize('NFKC').replace(/\s+/g, '');
  if (row.kind !== '399')
    return {
      coop: false,
      reason: `法人種別が ${row.kind}（${KIND_LABELS[row.kind] ?? '不明'}）で、労働者協同組合の 399（その他の設立登記法人）ではありません`,
    };
  const rest = name.replace(/特定労働者協同組合|労働者協同組合連合会|労働者協同組合/g, '／');
  const other = OTHER_FORMS.find((w) => rest.includes(w.normalize('NFKC')));
  if (other) return { coop: false, reason: `名称に「${other}」があり、労働者協同組合ではありません` };
  for (const f of FORM_WORDS) {
    if (name.startsWith(f.word) || name.endsWith(f.word))
      return { coop: true, legalForm: f.legalForm, kind: f.kind, tokutei: f.tokutei };
  }
  if (name.includes('労働者協同組合'))
    return { coop: false, reason: '「労働者協同組合」が名称の先頭にも末尾にもありません（手で確かめてください）' };
  return { coop: false, reason: '名称に「労働者協同組合」がありません' };
}

/** The reading for 五十音順: the furigana without the legal-form words; undefined when nothing usable is left. */
export function readingFromFurigana(furigana: string): string | undefined {
  let r = furigana.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  for (const f of FORM_WORDS) {
    if (r.startsWith(f.kana)) r = r.slice(f.kana.length);
    if (r.endsWith(f.kana)) r = r.slice(0, -f.kana.length);
  }
  r = r.replace(/^[・ー]+|[・]+$/g, '');
  // Half-width katakana from NFKC never survives (NFKC turns it full-width); keep only kana, prolonged mark, middle dot, Latin letters and digits.
  if (r === '' || !/^[\p{Script=Hiragana}\p{Script=Katakana}ー・A-Za-z0-9]+$/u.test(r)) return undefined;
  return r;
}

/** The 6-digit 全国地方公共団体コード of a record's address (都道府県コード + 市区町村コード + check digit), or undefined. */
export function lgCodeOf(row: Pick<HoujinRow, 'prefectureCode' | 'cityCode'>): {
  prefecture?: string;
  municipality?: string;
} {
  if (!/^\d{2}$/.test(row.prefectureCode) || Number(row.prefectureCode) < 1 || Number(row.prefectureCode) > 47)
    return {};
  const prefecture = prefectureCodeOf(`${row.prefectureCode}0000`);
  if (!/^\d{3}$/.test(row.cityCode) || row.cityCode === '000') return { prefecture };
  const five = `${row.prefectureCode}${row.cityCode}`;
  return { prefecture, municipality: `${five}${checkDigitFor(five)}` };
}

/** The address as one line: prefecture, municipality, street. */
export function addressOf(row: Pick<HoujinRow, 'prefectureName' | 'cityName' | 'streetNumber'>): string | undefined {
  const a = `${row.prefectureName}${row.cityName}${row.streetNumber}`.trim();
  return a === '' ? undefined : a;
}

// ---------------------------------------------------------------------------
// From records to entries

/** The id of a draft made from the registry. */
export function draftId(corporateNumber: string): string {
  return `houjin-${corporateNumber}`;
}

/** The site's top page and download page, named in every credit line. */
export const HOUJIN_SITE = 'https://www.houjin-bangou.nta.go.jp/';
export const HOUJIN_DOWNLOAD_PAGE = 'https://www.houjin-bangou.nta.go.jp/download/';
/** The terms of use: 公共データ利用規約（第1.0版） with the site's own credit wording. */
export const HOUJIN_TERMS_PAGE = 'https://www.houjin-bangou.nta.go.jp/pc/riyokiyaku';

/**
 * The credit line the site's terms ask for (「出典：国税庁法人番号公表サイト（国税庁）（当該ページのURL）」,
 * and for edited data 「国税庁法人番号公表サイト（国税庁）（当該ページのURL）を加工して作成」), see HOUJIN_TERMS_PAGE.
 */
export function houjinCredit(fileDate?: string): string {
  const data = fileDate ? `の基本3情報ダウンロードデータ（${fileDate}作成）` : 'の基本3情報ダウンロードデータ';
  return `国税庁法人番号公表サイト（国税庁）（${HOUJIN_DOWNLOAD_PAGE}）${data}を加工して作成（公共データ利用規約（第1.0版））`;
}

/** The source an imported entry cites: the number's own page on the site, with the file's date and the credit line. */
export function houjinSource(corporateNumber: string, fileDate: string) {
  return {
    title: `国税庁法人番号公表サイト 法人番号${corporateNumber}の基本3情報`,
    publisher: '国税庁',
    url: corporateNumberUrl(corporateNumber),
    asOf: fileDate,
    note: houjinCredit(fileDate),
  };
}

/** The registry block of an entry, from the newest record of its number. */
export function registryRecordOf(row: HoujinRow, fileDate: string): Record<string, string> {
  const codes = lgCodeOf(row);
  const out: Record<string, string> = { name: row.name };
  if (row.furigana) out.furigana = row.furigana;
  const address = addressOf(row);
  if (address) out.address = address;
  if (row.postCode) out.postalCode = `${row.postCode.slice(0, 3)}-${row.postCode.slice(3)}`;
  if (codes.municipality) out.municipality = codes.municipality;
  if (row.assignmentDate) out.assigned = row.assignmentDate;
  if (row.changeDate) out.changed = row.changeDate;
  if (row.changeCause) out.changeCause = row.changeCause;
  if (row.closeDate) out.closed = row.closeDate;
  if (row.closeCause) out.closeCause = row.closeCause;
  if (row.successorCorporateNumber) out.successor = row.successorCorporateNumber;
  out.asOf = fileDate;
  return out;
}

/** The newest record per 法人番号: a later file wins, then a record marked 最新履歴 1, then a later line. */
export function newestByNumber(
  rows: ReadonlyArray<HoujinRow & { fileDate: string }>,
): Map<string, HoujinRow & { fileDate: string }> {
  const out = new Map<string, HoujinRow & { fileDate: string }>();
  for (const row of rows) {
    const have = out.get(row.corporateNumber);
    if (!have) {
      out.set(row.corporateNumber, row);
      continue;
    }
    const newer =
      row.fileDate !== have.fileDate
        ? row.fileDate > have.fileDate
        : have.latest === '1' && row.latest !== '1'
          ? false
          : row.latest === '1' && have.latest !== '1'
            ? true
            : row.line > have.line || row.file !== have.file;
    if (newer) out.set(row.corporateNumber, row);
  }
  return out;
}

/** The Act took effect on this day; a number assigned earlier belongs to an organisation that converted into a worker co-op. */
export const ACT_IN_FORCE = '2022-10-01';
