/**
 * The fields an import writes from a registry record: the `registry` block,
 * the importer's own source, a draft's reading, place and dates, and the check
 * that a record's address codes agree with its address. Used by the rules for
 * new records (plan-new.ts) and for entries we have (plan-existing.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { corporateNumberUrl } from '../model/corporate-number.ts';
import { CLOSE_CAUSE } from '../model/vocabularies.ts';
import { registryCredit, type RegistryVia } from './credit.ts';
import { addressOf, lgCodeOf, readingFromFurigana, type HoujinRow } from './houjin.ts';
import { ACT_IN_FORCE } from '../model/dates.ts';
import type { DatedRow } from './record-set.ts';

/** YAML output options: one style for every file the importer writes, so a second run finds nothing to change. */
export const YAML_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The public bodies, as the planner needs them (every body of the official code list has an entry without a file). */
export interface BodyList {
  /** Whether this code names a public body the site has. */
  has(code: string): boolean;
  /** The official name of a body of the code list (for checking a record's prefecture name), or undefined. */
  name(code: string): string | undefined;
}

/** `1000013` → `100-0013`. */
export function postalCodeOf(row: Pick<HoujinRow, 'postCode'>): string | undefined {
  return row.postCode ? `${row.postCode.slice(0, 3)}-${row.postCode.slice(3)}` : undefined;
}

/** The label of a 登記記録の閉鎖等の事由 code. */
export function closeCauseLabel(code: string): string | undefined {
  return CLOSE_CAUSE.labels[code as keyof typeof CLOSE_CAUSE.labels];
}

/** The registry block of an entry, from the newest record of its number and how it was fetched. */
export function registryRecordOf(row: HoujinRow, fileDate: string, via?: RegistryVia): Record<string, string> {
  const codes = lgCodeOf(row);
  const optional: Array<[string, string | undefined]> = [
    ['furigana', row.furigana],
    ['nameEn', row.enName],
    ['address', addressOf(row)],
    ['postalCode', postalCodeOf(row)],
    ['municipality', codes.municipality],
    ['assigned', row.assignmentDate],
    ['changed', row.changeDate],
    ['changeCause', row.changeCause],
    ['closed', row.closeDate],
    ['closeCause', row.closeCause],
    ['successor', row.successorCorporateNumber],
  ];
  const out: Record<string, string> = { name: row.name };
  for (const [key, value] of optional) if (value) out[key] = value;
  out.asOf = fileDate;
  if (via) out.via = via;
  return out;
}

/** The source an imported entry cites: the number's own page on the site, with the data's date and the credit line. */
export function registrySource(corporateNumber: string, fileDate: string, via?: RegistryVia) {
  return {
    title: `国税庁法人番号公表サイト 法人番号${corporateNumber}の基本3情報`,
    publisher: '国税庁',
    url: corporateNumberUrl(corporateNumber),
    asOf: fileDate,
    note: registryCredit({ asOf: fileDate, via }),
  };
}

/** Upserts the importer's own source (matched by the number's URL), keeping every other source as it is. */
export function withSource(sources: unknown, row: DatedRow, via?: RegistryVia): unknown[] {
  const list: unknown[] = Array.isArray(sources) ? [...(sources as unknown[])] : [];
  const url = corporateNumberUrl(row.corporateNumber);
  const mine = registrySource(row.corporateNumber, row.fileDate, via);
  const i = list.findIndex((s) => (s as { url?: string | undefined } | null)?.url === url);
  if (i === -1) list.push(mine);
  else list[i] = { ...(list[i] as object), ...mine };
  return list;
}

/** The reading of a draft: from the furigana, else from the name when what is left is kana or Latin letters. */
export function readingOf(row: HoujinRow): string | undefined {
  return (
    readingFromFurigana(row.furigana) ??
    readingFromFurigana(
      row.name.normalize('NFKC').replace(/特定労働者協同組合|労働者協同組合連合会|労働者協同組合/g, ''),
    )
  );
}

/** Place fields (prefecture, municipality) from a record: the codes it gives, when the site has those public bodies. */
export function placeOf(
  row: DatedRow,
  bodies: BodyList,
): { prefecture?: string | undefined; municipality?: string | undefined } {
  const codes = lgCodeOf(row);
  const out: { prefecture?: string | undefined; municipality?: string | undefined } = {};
  if (codes.prefecture && bodies.has(codes.prefecture)) out.prefecture = codes.prefecture;
  if (codes.municipality && out.prefecture && bodies.has(codes.municipality)) out.municipality = codes.municipality;
  return out;
}

/** The dates a registry record gives a co-op: registration for a number assigned under the Act, conversion for an older one. */
export function registryDates(row: DatedRow): {
  registered?: string | undefined;
  converted?: string | undefined;
  note?: string | undefined;
} {
  if (row.assignmentDate && row.assignmentDate >= ACT_IN_FORCE) return { registered: row.assignmentDate };
  if (row.assignmentDate && row.assignmentDate < ACT_IN_FORCE) {
    if (row.process === '11' && row.changeDate >= ACT_IN_FORCE) return { converted: row.changeDate };
    return {
      note: `法人番号の指定（${row.assignmentDate}）が労働者協同組合法の施行（${ACT_IN_FORCE}）より前のため、ほかの法人から組織変更したと考えられます（組織変更の日と前の法人格は未確認）。`,
    };
  }
  return {};
}

/**
 * Why a record's address codes cannot be trusted, or undefined: a
 * 都道府県コード that names another prefecture than the address, a code that
 * is no prefecture, or a 市区町村コード that names no body of 総務省's code
 * list. Such a record is held for an editor (対象外・保留), never written.
 */
export function addressProblem(row: HoujinRow, bodies: BodyList): string | undefined {
  if (row.prefectureCode === '' || row.prefectureCode === '99') return undefined; // no address, or 国外
  const codes = lgCodeOf(row);
  if (!codes.prefecture) return `都道府県コード ${row.prefectureCode} はどの都道府県のコードでもありません`;
  const official = bodies.name(codes.prefecture);
  if (official !== undefined && row.prefectureName !== official)
    return `都道府県コード ${row.prefectureCode}（${official}）が所在地の都道府県「${row.prefectureName}」と一致しません`;
  if (codes.municipality && !bodies.has(codes.municipality))
    return `市区町村コード ${row.prefectureCode}${row.cityCode}（全国地方公共団体コード ${codes.municipality}）は総務省のコード表のどの市区町村にもありません`;
  return undefined;
}

/** The file's text with only the changed top-level keys replaced (comments and the order of other keys kept). */
export function applyChanges(text: string, before: Record<string, unknown>, after: Record<string, unknown>): string {
  const doc = parseDocument(text);
  for (const key of Object.keys(before)) if (!(key in after)) doc.delete(key);
  for (const [key, value] of Object.entries(after)) {
    if (isDeepStrictEqual(before[key], value)) continue;
    if (key === 'sources' && Array.isArray(value) && Array.isArray(before[key])) {
      value.forEach((s, i) => {
        if (!isDeepStrictEqual((before[key] as unknown[])[i], s)) {
          if (i < (before[key] as unknown[]).length) doc.setIn([key, i], doc.createNode(s));
          else doc.addIn([key], doc.createNode(s));
        }
      });
      continue;
    }
    doc.set(key, doc.createNode(value));
  }
  return doc.toString(YAML_OPTIONS);
}
