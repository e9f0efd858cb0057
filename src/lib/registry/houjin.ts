/**
 * The corporate-number site's records (国税庁法人番号公表サイト 「基本3情報
 * ダウンロード」 and the 法人番号システム Web-API, which share the layout): the
 * column list, choosing the worker co-operatives, and their codes. Pure
 * functions; reading is in lines.ts, record-rules.ts and record-reader.ts, the
 * import plan in plan.ts, files and the API in scripts/lib/.
 *
 * File format: CSV, no header row (the Web-API adds one line of its own), 30
 * columns per record, fields quoted with `"` where needed. The full files (全件データ, per prefecture, as of each month
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
import { checkDigitFor, prefectureCodeOf } from '../places/lgcode.ts';
import { parsePartialDate } from '../model/dates.ts';
import { printable } from '../check/text-hygiene.ts';

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
export const CORPORATE_KIND_LABELS: Record<string, string> = {
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

/** An expected failure of an import or a refresh: its message, one line or a short list, is the whole report (no stack trace). */
export class RegistryError extends Error {}

/** A malformed file or record: the message names the file and the line. */
export class HoujinFormatError extends RegistryError {
  readonly file: string;
  readonly line: number | undefined;
  constructor(file: string, line: number | undefined, message: string) {
    // File names come from the command line or a zip's entries, values from the file: printed, they must not act on the terminal.
    super(printable(`${file}${line !== undefined ? ` ${line}行目` : ''}: ${message}`));
    this.name = 'HoujinFormatError';
    this.file = file;
    this.line = line;
  }
}

/** The date a download file speaks for, from its name (`13_tokyo_all_20261031.zip`, `diff_20261127.csv`): 'YYYY-MM-DD', or undefined. */
export function fileDateFromName(name: string): string | undefined {
  const m = /(20\d{2})(\d{2})(\d{2})/.exec(name.replace(/^.*[\\/]/, ''));
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return parsePartialDate(day) ? day : undefined;
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
      reason: `法人種別が ${row.kind}（${CORPORATE_KIND_LABELS[row.kind] ?? '不明'}）で、労働者協同組合の 399（その他の設立登記法人）ではありません`,
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
