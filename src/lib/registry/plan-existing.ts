/**
 * A record of a number the directory has: the entry's registry block and own
 * source are refreshed, a closure marks it dissolved (and a withdrawn closure
 * unmarks it), a draft follows the registry's name and place, and an entry an
 * editor researched only gets its empty fields filled while everything else
 * is reported for the editor. Each step is a named function over
 * (before, after, record) that returns what it reports.
 */
import { isDeepStrictEqual } from 'node:util';
import { addressOf, classify, PROCESS_LABELS } from './houjin.ts';
import { ACT_IN_FORCE } from '../model/dates.ts';
import {
  addressProblem,
  applyChanges,
  closeCauseLabel,
  placeOf,
  postalCodeOf,
  readingOf,
  registryDates,
  registryRecordOf,
  withSource,
} from './plan-fields.ts';
import type { ExistingCoop, Outcome, PlanContext } from './plan-types.ts';
import type { DatedRow } from './record-set.ts';

type Entry = Record<string, unknown>;
type Registry = { name?: string | undefined; address?: string | undefined; closed?: string | undefined } | undefined;

/** Which predecessor form a former name shows (for `origin`). */
function originFromName(name: string): 'converted-kigyo' | 'converted-npo' | undefined {
  if (name.includes('企業組合')) return 'converted-kigyo';
  if (name.includes('特定非営利活動法人') || /NPO法人|ＮＰＯ法人/.test(name)) return 'converted-npo';
  return undefined;
}

/** Marks a newly closed entry dissolved, or unmarks one whose closure the registry withdrew. */
function followClosure(before: Entry, after: Entry, row: DatedRow): { newlyClosed: boolean; details: string[] } {
  const dissolved = before.dissolved as { date?: string | undefined } | undefined;
  if (row.closeDate && !dissolved) {
    after.dissolved = { date: row.closeDate, cause: closeCauseLabel(row.closeCause) };
    return { newlyClosed: true, details: [] };
  }
  if (!row.closeDate && dissolved && (before.registry as Registry)?.closed === dissolved.date) {
    delete after.dissolved;
    return { newlyClosed: false, details: ['登記記録の閉鎖等が取り消されたため、解散の表示を外しました'] };
  }
  return { newlyClosed: false, details: [] };
}

/** A draft the importer made follows the registry: name, reading, form, place and dates. */
function followDraft(before: Entry, after: Entry, row: DatedRow, ctx: PlanContext): string[] {
  const cls = classify(row);
  after.name = row.name;
  const reading = readingOf(row);
  if (reading) after.reading = reading;
  if (cls.coop) {
    after.kind = cls.kind;
    after.legalForm = cls.legalForm;
    if (cls.tokutei) after.tokutei = true;
    else delete after.tokutei;
  }
  const place = placeOf(row, ctx.bodies);
  if (place.prefecture) after.prefecture = place.prefecture;
  if (place.municipality) after.municipality = place.municipality;
  else delete after.municipality;
  const address = addressOf(row);
  if (address) after.address = address;
  const postalCode = postalCodeOf(row);
  if (postalCode) after.postalCode = postalCode;
  const dates = registryDates(row);
  if (dates.registered) after.registered = dates.registered;
  if (dates.converted && after.converted === undefined) after.converted = dates.converted;
  const previous = before.registry as Registry;
  const formerName = previous?.name ?? (before.name as string);
  const details: string[] = [];
  if (formerName !== row.name) details.push(`名称: ${formerName} → ${row.name}`);
  if (previous?.address !== undefined && previous.address !== address)
    details.push(`所在地: ${previous.address} → ${address ?? '（なし）'}`);
  return details;
}

/** An entry an editor researched: a 組織変更 fills empty fields; a new name or address is reported, never written. */
function reportResearched(before: Entry, after: Entry, row: DatedRow): string[] {
  const previous = before.registry as Registry;
  const formerName = previous?.name ?? (before.name as string);
  const details: string[] = [];
  const renamed = formerName !== row.name;
  if (renamed && row.process === '11' && classify(row).coop && !classify({ name: formerName, kind: row.kind }).coop) {
    // 組織変更: an 企業組合 or NPO法人 became a worker co-op under the same number.
    if (after.converted === undefined && row.changeDate >= ACT_IN_FORCE && after.registered === undefined)
      after.converted = row.changeDate;
    if (after.convertedFrom === undefined) after.convertedFrom = formerName;
    const origin = originFromName(formerName);
    if (after.origin === undefined && origin) after.origin = origin;
    details.push(`組織変更: ${formerName} → ${row.name}（${row.changeDate}）。name・legalForm は手で確かめてください`);
  } else if (renamed) {
    details.push(`登記上の名称: ${formerName} → ${row.name}（name は手で確かめてください）`);
  }
  const address = addressOf(row);
  if (previous?.address !== undefined && previous.address !== address)
    details.push(
      `登記上の所在地: ${previous.address} → ${address ?? '（なし）'}（address・municipality は手で確かめてください）`,
    );
  return details;
}

/** What to do with the record of a number an entry already carries. */
export function planExisting(row: DatedRow, existing: ExistingCoop, ctx: PlanContext): Outcome {
  const item = { corporateNumber: row.corporateNumber, name: row.name, id: existing.id };
  const held = addressProblem(row, ctx.bodies);
  if (held) return { group: 'skipped', item: { ...item, detail: `${held}。登記情報を更新していません` } };
  const before = existing.data;
  const after = structuredClone(before);
  after.registry = registryRecordOf(row, row.fileDate, ctx.via);
  after.sources = withSource(before.sources, row, ctx.via);
  const closure = followClosure(before, after, row);
  const details = [
    ...closure.details,
    ...(before.registryOnly === true ? followDraft(before, after, row, ctx) : reportResearched(before, after, row)),
  ];
  if (isDeepStrictEqual(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after))))
    return { group: 'unchanged', item };
  const changedKeys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !isDeepStrictEqual(before[k], after[k]),
  );
  const detail = [
    ...details,
    `更新: ${changedKeys.join('・')}`,
    `処理区分 ${row.process}（${PROCESS_LABELS[row.process] ?? '不明'}）`,
  ].join('。');
  const write = { path: existing.path, text: applyChanges(existing.text, before, after) };
  return closure.newlyClosed
    ? {
        group: 'closed',
        item: { ...item, detail: `${row.closeDate} ${closeCauseLabel(row.closeCause) ?? ''}。${detail}` },
        write,
      }
    : { group: 'changed', item: { ...item, detail }, write };
}
