/** Consistency rules for the national counts of worker co-operatives (content/national-counts/). */
import type { NationalCount } from '../../model/types.ts';
import { parsePartialDate } from '../../model/dates.ts';
import { prefectureCodeOf } from '../../places/lgcode.ts';
import type { EntryRule } from '../types.ts';

/** The number of prefectures a text such as 「1都1道2府27県」 or 「36都道府県」 stands for, or undefined if it has no such numbers. */
export function prefecturesInText(text: string): number | undefined {
  const whole = /(\d+)\s*都道府県/.exec(text);
  if (whole) return Number(whole[1]);
  const parts = [...text.matchAll(/(\d+)\s*[都道府県]/g)];
  if (parts.length === 0) return undefined;
  return parts.reduce((sum, m) => sum + Number(m[1]), 0);
}

/** Adds a problem to a list. */
type Add = (field: string, message: string) => void;

/** The per-prefecture figures: real prefecture codes, each once, summing to no more than the total. */
function byPrefectureProblems(c: NationalCount, add: Add): void {
  if (c.byPrefecture === undefined) return;
  const seen = new Set<string>();
  c.byPrefecture.forEach((p, i) => {
    if (
      !/^\d{6}$/.test(p.prefecture) ||
      prefectureCodeOf(p.prefecture) !== p.prefecture ||
      Number(p.prefecture.slice(0, 2)) < 1 ||
      Number(p.prefecture.slice(0, 2)) > 47
    )
      add(`byPrefecture[${i}].prefecture`, `${p.prefecture} は都道府県のコードではありません`);
    if (seen.has(p.prefecture)) add(`byPrefecture[${i}].prefecture`, `${p.prefecture} が重複しています`);
    seen.add(p.prefecture);
  });
  const sum = c.byPrefecture.reduce((n, p) => n + p.corporations, 0);
  if (sum > c.corporations) add('byPrefecture', `都道府県別の合計 ${sum} が法人数 ${c.corporations} を超えています`);
}

/** The prefectures as the source writes them (「1都1道2府27県」) agree with the number of prefectures. */
function prefecturesTextProblems(c: NationalCount, add: Add): void {
  if (c.prefecturesText === undefined) return;
  const n = prefecturesInText(c.prefecturesText);
  if (n === undefined)
    add('prefecturesText', `「${c.prefecturesText}」から都道府県の数が読み取れません（例: 1都1道1府15県）`);
  else if (c.prefectures === undefined)
    add('prefectures', `prefecturesText「${c.prefecturesText}」があるときは prefectures（${n}）も書いてください`);
  else if (n !== c.prefectures)
    add('prefecturesText', `「${c.prefecturesText}」は ${n} 都道府県で、prefectures ${c.prefectures} と一致しません`);
}

/** What is wrong with one national count (file name, totals that do not add up), as field and message pairs. */
export function nationalCountProblems(id: string, c: NationalCount): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  const add = (field: string, message: string) => out.push({ field, message });
  if (parsePartialDate(c.asOf)?.precision !== 'day')
    add('asOf', `asOf "${c.asOf}" は年月日（YYYY-MM-DD）で書いてください`);
  else if (id !== c.asOf)
    add('asOf', `asOf ${c.asOf} とファイル名 ${id} が一致しません（ファイル名は時点の日付にします）`);
  if (
    c.newlyEstablished !== undefined &&
    c.converted !== undefined &&
    c.newlyEstablished + c.converted !== c.corporations
  ) {
    add(
      'corporations',
      `新規設立 ${c.newlyEstablished} と組織変更 ${c.converted} の合計が法人数 ${c.corporations} と一致しません`,
    );
  }
  const parts = [c.convertedFromKigyo, c.convertedFromNpo];
  if (c.converted !== undefined && parts.every((p) => p !== undefined) && parts[0]! + parts[1]! !== c.converted) {
    add(
      'converted',
      `企業組合から ${parts[0]} と NPO法人から ${parts[1]} の合計が組織変更 ${c.converted} と一致しません`,
    );
  }
  const partsTotal = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
  if (partsTotal > c.corporations)
    add('convertedFromKigyo', `組織変更の内訳の合計 ${partsTotal} が法人数 ${c.corporations} を超えています`);
  for (const [field, value] of [
    ['newlyEstablished', c.newlyEstablished],
    ['converted', c.converted],
    ['tokutei', c.tokutei],
  ] as const) {
    if (value !== undefined && value > c.corporations) add(field, `${value} が法人数 ${c.corporations} を超えています`);
  }
  if (c.prefectures !== undefined && c.prefectures > c.corporations)
    add('prefectures', `都道府県の数 ${c.prefectures} が法人数 ${c.corporations} を超えています`);
  byPrefectureProblems(c, add);
  prefecturesTextProblems(c, add);
  return out;
}

/** The national-count rules as a rule of the data check (the file name is the as-of date). */
export const nationalCountRules: EntryRule = ({ entry, data }) =>
  nationalCountProblems(entry.id, data as unknown as NationalCount).map((p) => ({ file: entry.file, ...p }));
